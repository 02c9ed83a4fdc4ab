package uk.openattendance.register.app;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.register.domain.AttendanceCode;
import uk.openattendance.register.domain.CodeCatalogue;
import uk.openattendance.register.persistence.MarkRow;
import uk.openattendance.register.persistence.MarkStore;
import uk.openattendance.register.persistence.TallyStore;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/** The lists the office works from on the day: who is in (fire list), who is absent, and each pupil's school weeks for the penalty-notice window. */
@Singleton
public class DailyLists {

    private final PupilService pupils;
    private final MarkStore store;
    private final TallyStore tallies;
    private final SchoolDay schoolDay;

    public DailyLists(PupilService pupils, MarkStore store, TallyStore tallies, SchoolDay schoolDay) {
        this.pupils = pupils;
        this.store = store;
        this.tallies = tallies;
        this.schoolDay = schoolDay;
    }

    public record PupilOnDay(long pupilId, String name, long registerGroupId, String form, String code, String meaning, String category, boolean onSite,
            boolean vulnerable) {}

    @Schema(example = "{\"date\": \"2026-11-23\", \"session\": \"AM\", \"onRoll\": 212, \"onSite\": 203, \"absent\": 8, \"notYetMarked\": 1, \"pupils\": [{\"pupilId\": 42, \"name\": \"Nia Fenwright\", \"registerGroupId\": 7, \"form\": \"2B\", \"code\": \"I\", \"meaning\": \"Illness (not medical or dental appointments)\", \"category\": \"AUTHORISED_ABSENCE\", \"onSite\": false, \"vulnerable\": false}]}")
    public record DayList(LocalDate date, String session, int onRoll, int onSite, int absent, int notYetMarked, List<PupilOnDay> pupils) {}

    /**
     * Every pupil on roll for a session with their mark: the fire list (on site) and the absence list in one. Off-site
     * approved activity (V, P, W, K, B) counts as attending but is not on site, so it is not on the fire list.
     */
    public DayList day(Actor actor, long schoolId, LocalDate date, Session session) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        List<PupilView> onRoll = pupils.wholeRoll(scope).stream().filter(p -> p.onRollOn(date)).toList();
        Map<Long, MarkRow> marks = store.marksOfSchoolOn(schoolId, date).stream().filter(m -> m.session().equals(session.name()))
                .collect(Collectors.toMap(MarkRow::pupilId, Function.identity()));
        List<PupilOnDay> lines = new ArrayList<>();
        int onSite = 0;
        int absent = 0;
        int unmarked = 0;
        for (PupilView p : onRoll.stream().sorted(Comparator.comparing(PupilView::legalSurname).thenComparing(PupilView::legalForename)).toList()) {
            MarkRow m = marks.get(p.id());
            AttendanceCode code = m == null ? null : CodeCatalogue.on(m.code(), date).orElse(null);
            boolean here = code != null && code.category() == uk.openattendance.register.domain.CodeCategory.PRESENT;
            if (code == null) {
                unmarked++;
            } else if (here) {
                onSite++;
            } else if (code.possibleSession() && !code.attendance()) {
                absent++;
            }
            lines.add(new PupilOnDay(p.id(), p.displayName(), p.registerGroupId(), p.form(), code == null ? null : code.code(),
                    code == null ? "not yet marked" : code.meaning(), code == null ? null : code.category().name(), here, p.vulnerable()));
        }
        return new DayList(date, session.name(), onRoll.size(), onSite, absent, unmarked, lines);
    }

    /** Today's absentees and unmarked pupils for the current session, vulnerable pupils first. */
    public DayList absentToday(Actor actor, long schoolId) {
        SchoolDay.Context ctx = schoolDay.of(schoolId);
        LocalDate today = ctx.now().toLocalDate();
        Session session = ctx.now().toLocalTime().isBefore(java.time.LocalTime.NOON) ? Session.AM : Session.PM;
        DayList all = day(actor, schoolId, today, session);
        List<PupilOnDay> missing = all.pupils().stream().filter(p -> !p.onSite() && (p.code() == null || isAbsence(p.code(), today)))
                .sorted(Comparator.comparing(PupilOnDay::vulnerable).reversed()).toList();
        return new DayList(today, session.name(), all.onRoll(), all.onSite(), all.absent(), all.notYetMarked(), missing);
    }

    private static boolean isAbsence(String code, LocalDate date) {
        return CodeCatalogue.on(code, date).map(c -> c.possibleSession() && !c.attendance()).orElse(false);
    }

    /** One pupil's school week: possible sessions and G, N, O or U sessions (the penalty-notice framework's count). */
    public record SchoolWeek(LocalDate weekStart, int sessions, int unauthorisedSessions) {}

    /** Each pupil's weeks with at least one possible session, from the week of {@code fromWeek} to that of {@code toWeek}. */
    public Map<Long, List<SchoolWeek>> schoolWeeks(SchoolScope scope, LocalDate fromWeek, LocalDate toWeek) {
        Map<Long, List<SchoolWeek>> out = new java.util.HashMap<>();
        tallies.penaltyWeeks(List.of(scope.schoolId()), fromWeek, toWeek).forEach((pupilId, rows) -> out.put(pupilId, rows.stream()
                .map(r -> new SchoolWeek(LocalDate.ofEpochDay(r[0]), (int) r[1], (int) r[2])).toList()));
        return out;
    }
}
