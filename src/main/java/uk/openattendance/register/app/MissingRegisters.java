package uk.openattendance.register.app;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.openattendance.register.domain.ArrivalRule;
import uk.openattendance.register.domain.RegisterGaps;
import uk.openattendance.register.persistence.MarkRow;
import uk.openattendance.register.persistence.MarkStore;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.app.RegisterGroupView;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;

/**
 * Registers that were not taken: a group's session with pupils on roll and no mark for some or all of them. Figures
 * count marks only, so a missing register would otherwise look like a session that never happened.
 */
@Singleton
public class MissingRegisters {
    private final PupilService pupils;
    private final MarkStore store;
    private final SchoolDay schoolDay;
    private final FiguresService figures;

    public MissingRegisters(PupilService pupils, MarkStore store, SchoolDay schoolDay, FiguresService figures) {
        this.pupils = pupils;
        this.store = store;
        this.schoolDay = schoolDay;
        this.figures = figures;
    }

    /** One group's register for one session, not (or not wholly) taken. */
    @Schema(example = "{\"registerGroupId\": 7, \"registerGroup\": \"Year 2\", \"date\": \"2026-11-23\", \"session\": \"AM\", \"closesAt\": \"09:10\", \"onRoll\": 28, \"marked\": 26, \"unmarked\": [\"Kit Ashby\", \"Ollie Penhallow\"]}")
    public record Untaken(long registerGroupId, String registerGroup, LocalDate date, String session, LocalTime closesAt, int onRoll, int marked,
            List<String> unmarked) {
        public boolean noneMarked() {
            return marked == 0;
        }

        public String describe() {
            return registerGroup + " " + session + (noneMarked() ? " (not taken)" : " (" + (onRoll - marked) + " of " + onRoll + " unmarked)");
        }
    }

    /** The office's list for a day: every group's session that has passed its close time without a mark for each pupil. */
    public List<Untaken> untaken(Actor actor, long schoolId, @io.micronaut.core.annotation.Nullable LocalDate date) {
        SchoolScope scope = actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId);
        LocalDate day = date == null ? schoolDay.of(schoolId).now().toLocalDate() : date;
        List<Untaken> out = new ArrayList<>();
        for (Session s : Session.values()) {
            out.addAll(untaken(scope, day, s));
        }
        return out;
    }

    /** Groups whose register for this session has closed with pupils unmarked. */
    public List<Untaken> untaken(SchoolScope scope, LocalDate date, Session session) {
        LocalDateTime now = schoolDay.of(scope.schoolId()).now();
        return incomplete(scope, date, session).stream().filter(u -> date.isBefore(now.toLocalDate())
                || (date.equals(now.toLocalDate()) && ArrivalRule.hasClosed(u.closesAt(), now.toLocalTime()))).toList();
    }

    /** Groups whose register for this session lacks a mark for at least one pupil on roll, whether or not it has closed yet. */
    public List<Untaken> incomplete(SchoolScope scope, LocalDate date, Session session) {
        long schoolId = scope.schoolId();
        SchoolDay.Context ctx = schoolDay.of(schoolId);
        if (!ctx.calendar().isSchoolDay(date) || date.isAfter(ctx.now().toLocalDate())) {
            return List.of();
        }
        Set<Long> marked = new HashSet<>();
        for (MarkRow m : store.marksOfSchoolOn(schoolId, date)) {
            if (m.session().equals(session.name())) {
                marked.add(m.pupilId());
            }
        }
        Map<Long, List<PupilView>> byGroup = new LinkedHashMap<>();
        pupils.wholeRoll(scope).stream().filter(p -> p.onRollOn(date))
                .filter(p -> ctx.calendar().closureOf(date, session, p.registerGroupId()).isEmpty())
                .sorted(Comparator.comparing(PupilView::legalSurname).thenComparing(PupilView::legalForename))
                .forEach(p -> byGroup.computeIfAbsent(p.registerGroupId(), k -> new ArrayList<>()).add(p));
        List<Untaken> out = new ArrayList<>();
        ctx.groups().values().stream().sorted(Comparator.comparing(RegisterGroupView::sortOrder).thenComparing(RegisterGroupView::name)).forEach(g -> {
            List<PupilView> roll = byGroup.getOrDefault(g.id(), List.of());
            List<String> unmarked = roll.stream().filter(p -> !marked.contains(p.id())).map(PupilView::displayName).toList();
            if (!unmarked.isEmpty()) {
                out.add(new Untaken(g.id(), g.name(), date, session.name(), g.timing(session).closesAt(), roll.size(), roll.size() - unmarked.size(), unmarked));
            }
        });
        return out;
    }

    /**
     * Per pupil, the sessions of a window that were owed a mark and have none (pupils with a complete record are left
     * out). A session is owed once its group's register has closed; the window stops at today.
     */
    public Map<Long, List<RegisterGaps.Slot>> gaps(SchoolScope scope, WindowRequest request) {
        long schoolId = scope.schoolId();
        SchoolDay.Context ctx = schoolDay.of(schoolId);
        WindowView window = figures.window(schoolId, request);
        LocalDate today = ctx.now().toLocalDate();
        LocalDate to = window.to().isAfter(today) ? today : window.to();
        Map<Long, List<RegisterGaps.Slot>> out = new HashMap<>();
        if (to.isBefore(window.from())) {
            return out;
        }
        List<LocalDate> days = ctx.calendar().schoolDays(window.from(), to);
        List<PupilView> roll = pupils.wholeRoll(scope);
        Map<Long, Set<RegisterGaps.Slot>> marked = new HashMap<>();
        for (MarkRow m : store.marksOfPupils(roll.stream().map(PupilView::id).toList(), window.from(), to)) {
            marked.computeIfAbsent(m.pupilId(), k -> new HashSet<>()).add(new RegisterGaps.Slot(m.date(), Session.valueOf(m.session())));
        }
        for (PupilView p : roll) {
            RegisterGroupView g = ctx.groups().get(p.registerGroupId());
            List<RegisterGaps.Slot> owed = RegisterGaps.owed(days, p::onRollOn,
                    (d, s) -> ctx.calendar().closureOf(d, s, p.registerGroupId()).isPresent(),
                    slot -> slot.date().isBefore(today) || (g != null && ArrivalRule.hasClosed(g.timing(slot.session()).closesAt(), ctx.now().toLocalTime())));
            List<RegisterGaps.Slot> missing = RegisterGaps.missing(owed, marked.getOrDefault(p.id(), Set.of()));
            if (!missing.isEmpty()) {
                out.put(p.id(), missing);
            }
        }
        return out;
    }
}
