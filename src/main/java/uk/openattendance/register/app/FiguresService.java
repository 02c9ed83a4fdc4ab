package uk.openattendance.register.app;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.openattendance.platform.problem.CommonProblem;
import uk.openattendance.platform.problem.DomainProblem;
import uk.openattendance.register.domain.CodeCatalogue;
import uk.openattendance.register.domain.Figures;
import uk.openattendance.register.domain.Tally;
import uk.openattendance.register.persistence.MarkStore;
import uk.openattendance.register.persistence.TallyStore;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.school.domain.DateWindow;
import uk.openattendance.school.domain.SchoolCalendar;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/**
 * Attendance figures exactly as the DfE defines them, for any pupil, group, cohort, school or trust over any window.
 * Whole weeks come from the maintained weekly tallies; the partial weeks at a window's edges from the raw marks.
 */
@Singleton
public class FiguresService {

    public enum GroupBy {
        PUPIL,
        REGISTER_GROUP,
        YEAR_GROUP,
        FORM,
        COHORT,
        SCHOOL
    }

    private final PupilService pupils;
    private final SchoolService schools;
    private final MarkStore store;
    private final TallyStore tallies;
    private final SchoolDay schoolDay;

    public FiguresService(PupilService pupils, SchoolService schools, MarkStore store, TallyStore tallies, SchoolDay schoolDay) {
        this.pupils = pupils;
        this.schools = schools;
        this.store = store;
        this.tallies = tallies;
        this.schoolDay = schoolDay;
    }

    public FiguresRow pupil(Actor actor, long schoolId, long pupilId, WindowRequest request) {
        return pupil(actor.require(Permission.ATTENDANCE_READ, schoolId, "Pupil", pupilId), pupilId, request);
    }

    public FiguresRow pupil(SchoolScope scope, long pupilId, WindowRequest request) {
        long schoolId = scope.schoolId();
        PupilView p = pupils.pupil(scope, pupilId);
        WindowView window = window(schoolId, request);
        Tally t = tallies(List.of(schoolId), window).getOrDefault(pupilId, Tally.ZERO);
        Figures f = Figures.of(t);
        return new FiguresRow("pupil:" + pupilId, p.displayName(), 1, f, f.persistentAbsence() ? 1 : 0, f.severeAbsence() ? 1 : 0, window);
    }

    /** Rows per group, or per pupil; a cohort filter narrows the pupils first (e.g. pupil-premium pupils by year group). */
    public List<FiguresRow> groups(Actor actor, long schoolId, GroupBy groupBy, Cohort cohort, WindowRequest request) {
        return groups(actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId), groupBy, cohort, request);
    }

    public List<FiguresRow> groups(SchoolScope scope, GroupBy groupBy, Cohort cohort, WindowRequest request) {
        long schoolId = scope.schoolId();
        WindowView window = window(schoolId, request);
        List<PupilView> roll = pupils.wholeRoll(scope).stream().filter(p -> cohort == null || cohort.includes(p)).toList();
        Map<Long, Tally> tallies = tallies(List.of(schoolId), window);
        Map<Long, String> groupNames = schoolDay.of(schoolId).groups().values().stream()
                .collect(Collectors.toMap(g -> g.id(), g -> g.name()));
        return rows(roll, tallies, groupBy, window, groupNames);
    }

    public List<FiguresRow> trustSchools(Actor actor, long trustId, WindowRequest request) {
        List<Long> schoolIds = readableSchools(actor, trustId);
        List<FiguresRow> out = new ArrayList<>();
        for (long schoolId : schoolIds) {
            WindowView window = window(schoolId, request);
            Map<Long, Tally> tallies = tallies(List.of(schoolId), window);
            SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
            List<PupilView> roll = pupils.wholeRoll(scope);
            String name = schools.school(scope).name();
            out.addAll(rows(roll, tallies, GroupBy.SCHOOL, window, Map.of()).stream()
                    .map(r -> new FiguresRow("school:" + schoolId, name, r.pupils(), r.figures(), r.persistentAbsentees(), r.severeAbsentees(), r.window()))
                    .toList());
        }
        return out;
    }

    /** Persistent (10%+ missed) or, with severeOnly, severe (50%+) absentees, worst first. */
    public List<FiguresRow> persistentAbsentees(Actor actor, long schoolId, WindowRequest request, boolean severeOnly) {
        return groups(actor, schoolId, GroupBy.PUPIL, null, request).stream()
                .filter(r -> severeOnly ? r.figures().severeAbsence() : r.figures().persistentAbsence())
                .sorted(Comparator.comparing((FiguresRow r) -> r.figures().attendancePercent())).toList();
    }

    /** The trust's persistent absentees across every school the caller may read, in one pass over the weekly tallies. */
    public List<FiguresRow> trustPersistentAbsentees(Actor actor, long trustId, WindowRequest request) {
        List<Long> schoolIds = readableSchools(actor, trustId);
        if (schoolIds.isEmpty()) {
            return List.of();
        }
        WindowView window = window(schoolIds.get(0), request);
        Map<Long, Tally> tallies = tallies(schoolIds, window);
        Map<Long, PupilView> roll = new HashMap<>();
        List<Long> absentees = tallies.entrySet().stream().filter(e -> Figures.of(e.getValue()).persistentAbsence()).map(Map.Entry::getKey).toList();
        List<SchoolScope> scopes = schoolIds.stream().map(id -> actor.require(Permission.ATTENDANCE_READ, id, "School", id)).toList();
        pupils.pupilsByIds(scopes, absentees).forEach(p -> roll.put(p.id(), p));
        return absentees.stream().filter(roll::containsKey).map(id -> {
            Figures f = Figures.of(tallies.get(id));
            PupilView p = roll.get(id);
            return new FiguresRow("pupil:" + id, p.displayName() + " (school " + p.schoolId() + ")", 1, f, 1, f.severeAbsence() ? 1 : 0, window);
        }).sorted(Comparator.comparing((FiguresRow r) -> r.figures().attendancePercent())).toList();
    }

    /** Pupils whose attendance falls in a band, e.g. 90 (inclusive) to 95 (exclusive): the ones to catch before they become persistent absentees. */
    public List<FiguresRow> atRisk(Actor actor, long schoolId, WindowRequest request, BigDecimal fromPercent, BigDecimal belowPercent) {
        return groups(actor, schoolId, GroupBy.PUPIL, null, request).stream()
                .filter(r -> r.figures().attendancePercent() != null)
                .filter(r -> r.figures().attendancePercent().compareTo(fromPercent) >= 0 && r.figures().attendancePercent().compareTo(belowPercent) < 0)
                .sorted(Comparator.comparing((FiguresRow r) -> r.figures().attendancePercent())).toList();
    }

    public List<FiguresRow> fullAttendance(Actor actor, long schoolId, WindowRequest request) {
        return fullAttendance(actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId), request);
    }

    public List<FiguresRow> fullAttendance(SchoolScope scope, WindowRequest request) {
        return groups(scope, GroupBy.PUPIL, null, request).stream()
                .filter(r -> r.figures().possibleSessions() > 0 && r.figures().attended() == r.figures().possibleSessions())
                .sorted(Comparator.comparing(FiguresRow::label)).toList();
    }

    /** The form with the best attendance in each key stage for the week containing {@code date}. */
    public List<FiguresRow> bestClassPerKeyStage(Actor actor, long schoolId, LocalDate date) {
        WindowRequest week = new WindowRequest(WindowRequest.Kind.WEEK, null, null, date, null);
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        WindowView window = window(schoolId, week);
        List<PupilView> roll = pupils.wholeRoll(scope);
        Map<Long, Tally> tallies = tallies(List.of(schoolId), window);
        Map<String, List<PupilView>> byStage = roll.stream().filter(p -> p.form() != null).collect(Collectors.groupingBy(p -> keyStage(p.yearGroup())));
        List<FiguresRow> best = new ArrayList<>();
        for (var stage : new java.util.TreeMap<>(byStage).entrySet()) {
            rows(stage.getValue(), tallies, GroupBy.FORM, window, Map.of()).stream()
                    .filter(r -> r.figures().attendancePercent() != null)
                    .max(Comparator.comparing((FiguresRow r) -> r.figures().attendancePercent()))
                    .ifPresent(r -> best.add(new FiguresRow(r.key(), stage.getKey() + ": " + r.label(), r.pupils(), r.figures(), r.persistentAbsentees(),
                            r.severeAbsentees(), window)));
        }
        return best;
    }

    @Schema(example = "{\"day\": \"FRIDAY\", \"possibleSessions\": 4180, \"missedSessions\": 293, \"missedPercent\": 7.0}")
    public record DayPattern(DayOfWeek day, int possibleSessions, int missedSessions, BigDecimal missedPercent) {}

    /** Sessions missed by weekday, for a pupil (pupilId) or a cohort of the school. A Monday-and-Friday pattern stands out. */
    public List<DayPattern> dayOfWeek(Actor actor, long schoolId, Long pupilId, Cohort cohort, WindowRequest request) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        WindowView window = window(schoolId, request);
        List<Long> ids = pupilId != null ? List.of(pupils.pupil(scope, pupilId).id())
                : pupils.wholeRoll(scope).stream().filter(p -> cohort == null || cohort.includes(p)).map(PupilView::id).toList();
        int[] possible = new int[7];
        int[] missed = new int[7];
        for (var m : store.marksOfPupils(ids, window.from(), window.to())) {
            var code = CodeCatalogue.on(m.code(), m.date()).orElse(null);
            if (code == null || !code.possibleSession()) {
                continue;
            }
            int d = m.date().getDayOfWeek().getValue() - 1;
            possible[d]++;
            if (!code.attendance()) {
                missed[d]++;
            }
        }
        List<DayPattern> out = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            out.add(new DayPattern(DayOfWeek.of(d + 1), possible[d], missed[d], possible[d] == 0 ? null
                    : BigDecimal.valueOf(missed[d] * 100L).divide(BigDecimal.valueOf(possible[d]), 1, java.math.RoundingMode.HALF_UP)));
        }
        return out;
    }

    @Schema(example = "{\"pupilId\": 43, \"name\": \"Kit Ashby\", \"lateBeforeClose\": 9, \"unauthorisedLates\": 2, \"minutesLate\": 136, \"schoolDaysLost\": 0.4}")
    public record Lateness(long pupilId, String name, int lateBeforeClose, int unauthorisedLates, int minutesLate, BigDecimal schoolDaysLost) {}

    /** Minutes late turned into school days lost, at {@code minutesPerDay} (the length of the school's day). */
    public List<Lateness> lateness(Actor actor, long schoolId, WindowRequest request, int minutesPerDay) {
        return groups(actor, schoolId, GroupBy.PUPIL, null, request).stream().filter(r -> r.figures().minutesLate() > 0)
                .map(r -> new Lateness(Long.parseLong(r.key().substring("pupil:".length())), r.label(), r.figures().lateBeforeClose(),
                        r.figures().unauthorisedLates(), r.figures().minutesLate(), Figures.daysLost(r.figures().minutesLate(), minutesPerDay)))
                .sorted(Comparator.comparing(Lateness::minutesLate).reversed()).toList();
    }

    /** One school week's tally (Monday start), clipped to the window asked for. */
    public record WeekTally(LocalDate weekStart, Tally tally) {}

    /**
     * Each pupil's tallies week by week over [from, to], for the weekly chart: whole weeks from the maintained weekly
     * tallies, the part-weeks at the window's edges from the raw marks (so a letter's window ends on its date).
     */
    public Map<Long, List<WeekTally>> weeksOfPupils(SchoolScope scope, Collection<Long> pupilIds, LocalDate from, LocalDate to) {
        scope.require(Permission.ATTENDANCE_READ);
        return weeks(scope.schoolId(), pupilIds, from, to);
    }

    /** The summed weeks of a register group (registerGroupId) or, with none, of the whole school, for its chart. */
    public List<WeekTally> weeksOfGroup(SchoolScope scope, Long registerGroupId, LocalDate from, LocalDate to) {
        scope.require(Permission.ATTENDANCE_READ);
        List<Long> ids = registerGroupId == null ? null : pupils.wholeRoll(scope).stream()
                .filter(p -> registerGroupId.equals(p.registerGroupId())).map(PupilView::id).toList();
        Map<LocalDate, Tally> sum = new java.util.TreeMap<>();
        weeks(scope.schoolId(), ids, from, to).values().forEach(list -> list.forEach(w -> sum.merge(w.weekStart(), w.tally(), Tally::plus)));
        return sum.entrySet().stream().map(e -> new WeekTally(e.getKey(), e.getValue())).toList();
    }

    private Map<Long, List<WeekTally>> weeks(long schoolId, Collection<Long> pupilIds, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || (pupilIds != null && pupilIds.isEmpty())) {
            return Map.of();
        }
        java.util.Set<Long> wanted = pupilIds == null ? null : new java.util.HashSet<>(pupilIds);
        Map<Long, Map<LocalDate, Tally>> byPupil = new HashMap<>();
        LocalDate firstMonday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<LocalDate> fullWeeks = new ArrayList<>();
        for (LocalDate monday = firstMonday; !monday.isAfter(to); monday = monday.plusWeeks(1)) {
            // a week counts as whole when the window holds its Monday to Friday: no marks are taken at weekends
            if (!monday.isBefore(from) && !monday.plusDays(4).isAfter(to)) {
                fullWeeks.add(monday);
            } else {
                LocalDate start = monday.isBefore(from) ? from : monday;
                LocalDate end = monday.plusDays(6).isAfter(to) ? to : monday.plusDays(6);
                LocalDate week = monday;
                for (MarkStore.CodeCount c : store.codeCounts(List.of(schoolId), start, end)) {
                    var code = CodeCatalogue.on(c.code(), c.anyDate()).orElse(null);
                    if (code != null && (wanted == null || wanted.contains(c.pupilId()))) {
                        byPupil.computeIfAbsent(c.pupilId(), k -> new java.util.TreeMap<>()).merge(week, Tally.ofMany(code, c.count(), c.minutesLate()),
                                Tally::plus);
                    }
                }
            }
        }
        if (!fullWeeks.isEmpty()) {
            for (var w : tallies.weeks(schoolId, pupilIds, fullWeeks.get(0), fullWeeks.get(fullWeeks.size() - 1))) {
                byPupil.computeIfAbsent(w.pupilId(), k -> new java.util.TreeMap<>()).merge(w.weekStart(), w.tally(), Tally::plus);
            }
        }
        Map<Long, List<WeekTally>> out = new HashMap<>();
        byPupil.forEach((pupil, weeks) -> out.put(pupil, weeks.entrySet().stream().filter(e -> e.getValue().sessions() > 0)
                .map(e -> new WeekTally(e.getKey(), e.getValue())).toList()));
        return out;
    }

    // ---- windows and tallies

    WindowView window(long schoolId, WindowRequest r) {
        SchoolDay.Context ctx = schoolDay.of(schoolId);
        LocalDate today = ctx.now().toLocalDate();
        WindowRequest.Kind kind = r == null || r.kind() == null ? (r != null && r.from() != null ? WindowRequest.Kind.RANGE : WindowRequest.Kind.YEAR_TO_DATE)
                : r.kind();
        LocalDate date = r == null || r.date() == null ? today : r.date();
        SchoolCalendar cal = ctx.calendar();
        switch (kind) {
            case RANGE -> {
                if (r.from() == null || r.to() == null || r.to().isBefore(r.from())) {
                    throw DomainProblem.field(RegisterProblem.REGISTER_NOT_VALID, "to", "a from and a to date, to on or after from");
                }
                return new WindowView(r.from() + " to " + r.to(), r.from(), r.to());
            }
            case WEEK -> {
                LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return new WindowView("week beginning " + monday, monday, monday.plusDays(6));
            }
            case HALF_TERM -> {
                DateWindow h = cal.halfTermContaining(date).orElseThrow(() -> DomainProblem.field(RegisterProblem.REGISTER_NOT_VALID, "date",
                        "a date inside a half term of the school's calendar (add terms at /calendar/terms)"));
                return new WindowView("half term " + h.name(), h.from(), h.to());
            }
            case TERM -> {
                var t = cal.termContaining(date).orElseThrow(() -> DomainProblem.field(RegisterProblem.REGISTER_NOT_VALID, "date",
                        "a date inside a term of the school's calendar (add terms at /calendar/terms)"));
                return new WindowView(t.name() + " term " + t.academicYear(), t.startsOn(), t.endsOn());
            }
            case YEAR_TO_DATE -> {
                String year = SchoolCalendar.academicYearOf(date);
                LocalDate start = cal.terms().stream().filter(t -> t.academicYear().equals(year)).map(t -> t.startsOn()).min(Comparator.naturalOrder())
                        .orElse(LocalDate.of(Integer.parseInt(year.substring(0, 4)), 9, 1));
                return new WindowView("academic year " + year + " to date", start, date);
            }
            case ROLLING_WEEKS -> {
                int n = r.weeks() == null ? 10 : r.weeks();
                if (n < 1 || n > 60) {
                    throw DomainProblem.field(RegisterProblem.REGISTER_NOT_VALID, "weeks", "between 1 and 60 school weeks");
                }
                LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                int found = 0;
                LocalDate start = monday;
                for (LocalDate w = monday; found < n && w.isAfter(monday.minusYears(2)); w = w.minusWeeks(1)) {
                    if (!cal.schoolDays(w, w.plusDays(4)).isEmpty()) {
                        found++;
                        start = w;
                    }
                }
                return new WindowView(n + " school weeks to " + date + " (weeks with at least one school day)", start, date);
            }
            default -> throw new IllegalStateException();
        }
    }

    /**
     * Per-pupil tallies over a window. A window running from the start of an academic year up to now (or to the year's
     * end) reads the yearly tallies, one row per pupil; any other window reads whole weeks from the weekly tallies and
     * the partial weeks at its edges from the raw marks.
     */
    Map<Long, Tally> tallies(Collection<Long> schoolIds, WindowView w) {
        int startYear = w.from().getMonthValue() >= 8 ? w.from().getYear() : w.from().getYear() - 1;
        LocalDate yearStart = LocalDate.of(startYear, 8, 1);
        LocalDate yearEnd = LocalDate.of(startYear + 1, 7, 31);
        LocalDate today = schoolDay.of(schoolIds.iterator().next()).now().toLocalDate();
        LocalDate lastMarked = today.isBefore(yearEnd) ? today : yearEnd;
        boolean wholeYearSoFar = !w.to().isAfter(yearEnd) && !w.to().isBefore(lastMarked) && w.from().isBefore(yearStart.plusDays(45));
        if (wholeYearSoFar) {
            Map<Long, Tally> out = new HashMap<>(tallies.yearTotals(schoolIds, SchoolCalendar.academicYearOf(w.from())));
            addRaw(out, schoolIds, yearStart, w.from().minusDays(1), -1);
            addRaw(out, schoolIds, w.to().plusDays(1), yearEnd, -1);
            return out;
        }
        return weekly(schoolIds, w);
    }

    private Map<Long, Tally> weekly(Collection<Long> schoolIds, WindowView w) {
        LocalDate firstFull = w.from().getDayOfWeek() == DayOfWeek.MONDAY ? w.from() : w.from().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate lastFullStart = w.to().getDayOfWeek().getValue() >= DayOfWeek.FRIDAY.getValue()
                ? w.to().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : w.to().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        Map<Long, Tally> out = new HashMap<>();
        if (firstFull.isAfter(lastFullStart)) {
            addRaw(out, schoolIds, w.from(), w.to(), 1);
            return out;
        }
        out.putAll(tallies.weekTotals(schoolIds, firstFull, lastFullStart));
        addRaw(out, schoolIds, w.from(), firstFull.minusDays(1), 1);
        addRaw(out, schoolIds, lastFullStart.plusDays(7), w.to(), 1);
        return out;
    }

    /** Adds (sign 1) or takes away (sign -1) the raw marks of a few days. */
    private void addRaw(Map<Long, Tally> out, Collection<Long> schoolIds, LocalDate from, LocalDate to, int sign) {
        if (to.isBefore(from)) {
            return;
        }
        for (MarkStore.CodeCount c : store.codeCounts(schoolIds, from, to)) {
            var code = CodeCatalogue.on(c.code(), c.anyDate()).orElse(null);
            if (code == null) {
                continue;
            }
            Tally many = Tally.ofMany(code, c.count(), c.minutesLate());
            Tally before = out.getOrDefault(c.pupilId(), Tally.ZERO);
            out.put(c.pupilId(), sign > 0 ? before.plus(many) : before.minus(many));
        }
    }

    private List<FiguresRow> rows(List<PupilView> roll, Map<Long, Tally> tallies, GroupBy groupBy, WindowView window, Map<Long, String> groupNames) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Tally> sums = new LinkedHashMap<>();
        Map<String, int[]> counts = new HashMap<>();
        for (PupilView p : roll.stream().sorted(Comparator.comparing(PupilView::legalSurname).thenComparing(PupilView::legalForename)).toList()) {
            Tally t = tallies.get(p.id());
            if (t == null || t.sessions() == 0) {
                continue; // not on roll in this window
            }
            Figures own = Figures.of(t);
            for (String[] key : keys(p, groupBy, groupNames)) {
                labels.putIfAbsent(key[0], key[1]);
                sums.merge(key[0], t, Tally::plus);
                int[] c = counts.computeIfAbsent(key[0], k -> new int[3]);
                c[0]++;
                c[1] += own.persistentAbsence() ? 1 : 0;
                c[2] += own.severeAbsence() ? 1 : 0;
            }
        }
        List<FiguresRow> rows = new ArrayList<>();
        sums.forEach((key, t) -> rows.add(new FiguresRow(key, labels.get(key), counts.get(key)[0], Figures.of(t), counts.get(key)[1], counts.get(key)[2], window)));
        return rows;
    }

    private static List<String[]> keys(PupilView p, GroupBy groupBy, Map<Long, String> groupNames) {
        return switch (groupBy) {
            case PUPIL -> List.<String[]>of(new String[] {"pupil:" + p.id(), p.displayName()});
            case REGISTER_GROUP -> List.<String[]>of(new String[] {"registerGroup:" + p.registerGroupId(), groupNames.getOrDefault(p.registerGroupId(), "?")});
            case YEAR_GROUP -> List.<String[]>of(new String[] {"yearGroup:" + p.yearGroup(), "Year " + p.yearGroup()});
            case FORM -> List.<String[]>of(new String[] {"form:" + p.form(), p.form() == null ? "No form" : p.form()});
            case SCHOOL -> List.<String[]>of(new String[] {"school:" + p.schoolId(), "Whole school"});
            case COHORT -> java.util.Arrays.stream(Cohort.values()).filter(c -> c.includes(p)).map(c -> new String[] {"cohort:" + c, c.name()}).toList();
        };
    }

    static String keyStage(String yearGroup) {
        return switch (yearGroup) {
            case "N1", "N2", "R" -> "EYFS";
            case "1", "2" -> "KS1";
            case "3", "4", "5", "6" -> "KS2";
            case "7", "8", "9" -> "KS3";
            case "10", "11" -> "KS4";
            default -> "KS5";
        };
    }

    private List<Long> readableSchools(Actor actor, long trustId) {
        List<Long> ids = schools.schoolIdsInTrust(trustId).stream().filter(id -> actor.can(Permission.ATTENDANCE_READ, id)).toList();
        if (ids.isEmpty()) {
            throw CommonProblem.notFound("Trust", trustId);
        }
        return ids;
    }
}
