package uk.openattendance.statutory.app;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.openattendance.register.app.DailyLists;
import uk.openattendance.register.app.SchoolDay;
import uk.openattendance.roll.app.PupilService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Permission;
import uk.openattendance.security.SchoolScope;
import uk.openattendance.statutory.domain.PenaltyNoticeWindow;

/**
 * Who reaches the national framework's penalty-notice threshold as of a date: the window is judged here, beside the
 * ledger of notices issued; the register only supplies each pupil's school weeks.
 */
@Singleton
public class PenaltyNoticeMonitor {
    private final DailyLists lists;
    private final PupilService pupils;
    private final SchoolDay schoolDay;

    public PenaltyNoticeMonitor(DailyLists lists, PupilService pupils, SchoolDay schoolDay) {
        this.lists = lists;
        this.pupils = pupils;
        this.schoolDay = schoolDay;
    }

    @Schema(example = "{\"pupilId\": 57, \"name\": \"Maya Trevelyan\", \"unauthorisedSessions\": 12, \"schoolWeeks\": 10, \"windowFrom\": \"2026-09-21\", \"windowTo\": \"2026-11-27\"}")
    public record PenaltyCandidate(long pupilId, String name, int unauthorisedSessions, int schoolWeeks, LocalDate windowFrom, LocalDate windowTo) {}

    /** Pupils with 10 or more G, N, O or U sessions in the latest 10 school weeks to {@code asOf} (default today). */
    public List<PenaltyCandidate> penaltyNoticeMonitor(Actor actor, long schoolId, LocalDate asOf) {
        return penaltyNoticeMonitor(actor.require(Permission.ATTENDANCE_READ, schoolId, "School", schoolId), asOf);
    }

    public List<PenaltyCandidate> penaltyNoticeMonitor(SchoolScope scope, LocalDate asOf) {
        long schoolId = scope.schoolId();
        LocalDate date = asOf != null ? asOf : schoolDay.of(schoolId).now().toLocalDate();
        LocalDate week = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // ten school weeks rarely span more than a year even across the summer holiday
        Map<Long, List<DailyLists.SchoolWeek>> weeks = lists.schoolWeeks(scope, week.minusWeeks(60), week);
        Map<Long, PupilView> roll = pupils.wholeRoll(scope).stream().collect(Collectors.toMap(PupilView::id, Function.identity()));
        List<PenaltyCandidate> out = new ArrayList<>();
        weeks.forEach((pupilId, rows) -> {
            var result = PenaltyNoticeWindow.over(rows.stream().map(r -> new PenaltyNoticeWindow.Week(r.weekStart(), r.sessions(), r.unauthorisedSessions()))
                    .toList(), week);
            PupilView p = roll.get(pupilId);
            if (result.reachesThreshold() && p != null) {
                // the window's last day is the date asked about, never the end of its week (no date after the run in a letter)
                out.add(new PenaltyCandidate(pupilId, p.displayName(), result.unauthorisedSessions(), result.schoolWeeks(), result.windowFrom(), date));
            }
        });
        out.sort(Comparator.comparing(PenaltyCandidate::unauthorisedSessions).reversed());
        return out;
    }
}
