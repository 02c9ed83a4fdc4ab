package uk.openattendance.letters.app;

import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.openattendance.letters.domain.WeeklyChart;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.register.app.FiguresService;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.app.RegisterGroupView;
import uk.openattendance.school.domain.LetterLevel;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/**
 * The weekly attendance chart ({@link WeeklyChart}) for a pupil, a register group or a whole school, with the school's
 * letter thresholds as its lines: served as SVG to staff front ends, and drawn into each attendance letter over the
 * letter's own window.
 */
@Singleton
public class AttendanceCharts {
    /** A chart covers at most a school year and a bit (a letter's window is a year to date at most). */
    static final int MAX_DAYS = 400;

    private final FiguresService figures;
    private final PupilService pupils;
    private final SchoolDay schoolDay;

    public AttendanceCharts(FiguresService figures, PupilService pupils, SchoolDay schoolDay) {
        this.figures = figures;
        this.pupils = pupils;
        this.schoolDay = schoolDay;
    }

    public record Window(LocalDate from, LocalDate to) {}

    public WeeklyChart.Chart pupil(Actor actor, long schoolId, long pupilId, LocalDate from, LocalDate to) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "Pupil", pupilId);
        PupilView p = pupils.pupil(scope, pupilId);
        Window w = window(schoolId, from, to);
        List<WeeklyChart.Week> weeks = weeks(figures.weeksOfPupils(scope, List.of(pupilId), w.from(), w.to()).getOrDefault(pupilId, List.of()));
        return WeeklyChart.of(p.displayName(), weeks, thresholds(schoolId));
    }

    public WeeklyChart.Chart registerGroup(Actor actor, long schoolId, long registerGroupId, LocalDate from, LocalDate to) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "RegisterGroup", registerGroupId);
        RegisterGroupView group = schoolDay.of(schoolId).groups().get(registerGroupId);
        if (group == null) {
            throw CommonProblem.notFound("RegisterGroup", registerGroupId);
        }
        Window w = window(schoolId, from, to);
        return WeeklyChart.of(group.name(), weeks(figures.weeksOfGroup(scope, registerGroupId, w.from(), w.to())), thresholds(schoolId));
    }

    public WeeklyChart.Chart school(Actor actor, long schoolId, LocalDate from, LocalDate to) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        Window w = window(schoolId, from, to);
        return WeeklyChart.of("the whole school", weeks(figures.weeksOfGroup(scope, null, w.from(), w.to())), thresholds(schoolId));
    }

    /** GraphQL's one field for all three: a pupil's, a register group's, or with neither the school's; never both at once. */
    public WeeklyChart.Chart chart(Actor actor, long schoolId, Long pupilId, Long registerGroupId, LocalDate from, LocalDate to) {
        if (pupilId != null && registerGroupId != null) {
            SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "Pupil", pupilId);
            pupils.pupil(scope, pupilId); // another school's pupil or group is not found, as everywhere
            if (schoolDay.of(schoolId).groups().get(registerGroupId) == null) {
                throw CommonProblem.notFound("RegisterGroup", registerGroupId);
            }
            throw new DomainProblem(LetterProblem.LETTER_NOT_VALID, "either a pupilId or a registerGroupId, not both", List.of(
                    new uk.openattendance.platform.problem.FieldError("pupilId", "a pupil, or leave it out for a register group's chart"),
                    new uk.openattendance.platform.problem.FieldError("registerGroupId", "a register group, or leave it out for a pupil's chart")));
        }
        return pupilId != null ? pupil(actor, schoolId, pupilId, from, to) : registerGroupId != null ? registerGroup(actor, schoolId, registerGroupId, from, to)
                : school(actor, schoolId, from, to);
    }

    /** The weeks of each pupil over each window, for letters: one query per distinct window, whatever the number of letters. */
    Map<Long, List<WeeklyChart.Week>> forLetters(SchoolScope scope, Map<Long, Window> windowByPupil) {
        Map<Window, List<Long>> byWindow = new HashMap<>();
        windowByPupil.forEach((pupil, w) -> byWindow.computeIfAbsent(w, k -> new java.util.ArrayList<>()).add(pupil));
        Map<Long, List<WeeklyChart.Week>> out = new HashMap<>();
        byWindow.forEach((w, ids) -> figures.weeksOfPupils(scope, ids, w.from(), w.to()).forEach((pupil, weeks) -> out.put(pupil, weeks(weeks))));
        return out;
    }

    /** The school's letter thresholds, highest first, one line per distinct percentage. */
    List<WeeklyChart.Threshold> thresholds(long schoolId) {
        Map<BigDecimal, WeeklyChart.Threshold> lines = new TreeMap<>(Comparator.reverseOrder());
        for (LetterLevel level : schoolDay.policy(schoolId).letters().levels()) {
            BigDecimal pct = level.attendanceBelow().stripTrailingZeros();
            lines.putIfAbsent(pct, new WeeklyChart.Threshold(pct, pct.toPlainString() + "%"));
        }
        return List.copyOf(lines.values());
    }

    /** From the start of the school year (its first term, else 1 September) to today, unless asked otherwise. */
    Window window(long schoolId, LocalDate from, LocalDate to) {
        SchoolDay.Context ctx = schoolDay.of(schoolId);
        LocalDate today = ctx.now().toLocalDate();
        LocalDate end = to == null ? today : to;
        LocalDate start = from;
        if (start == null) {
            String year = SchoolCalendar.academicYearOf(end);
            start = ctx.calendar().terms().stream().filter(t -> t.academicYear().equals(year)).map(t -> t.startsOn()).min(Comparator.naturalOrder())
                    .orElse(LocalDate.of(Integer.parseInt(year.substring(0, 4)), 9, 1));
        }
        if (end.isBefore(start)) {
            throw DomainProblem.field(LetterProblem.LETTER_NOT_VALID, "to", "a date on or after from (" + start + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw DomainProblem.field(LetterProblem.LETTER_NOT_VALID, "from", "a date at most " + MAX_DAYS + " days before to (" + end + ")");
        }
        return new Window(start, end);
    }

    /** A letter's window as its facts state it ("2 November 2026"), or null when it states none. */
    static Window windowOf(Map<String, Object> figures) {
        try {
            Object from = figures.get("from");
            Object to = figures.get("to");
            if (from == null || to == null) {
                return null;
            }
            return new Window(LocalDate.parse(from.toString(), LetterService.LONG_DATE), LocalDate.parse(to.toString(), LetterService.LONG_DATE));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static List<WeeklyChart.Week> weeks(Collection<FiguresService.WeekTally> tallies) {
        return tallies.stream().map(t -> new WeeklyChart.Week(t.weekStart(), t.tally().possible(), t.tally().attended())).toList();
    }
}
