package uk.openattendance.statutory.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The national framework's threshold: 10 unauthorised sessions (G, N, O, U in any mix) within a rolling 10 school
 * weeks. A school week is a week with at least one session, so holidays are skipped and the window crosses terms and
 * academic years.
 */
public final class PenaltyNoticeWindow {
    public static final int WEEKS = 10;
    public static final int THRESHOLD = 10;

    private PenaltyNoticeWindow() {}

    public record Week(LocalDate weekStart, int sessions, int penaltySessions) {}

    public record Result(int unauthorisedSessions, LocalDate windowFrom, LocalDate windowTo, int schoolWeeks, boolean reachesThreshold) {}

    /** Over the latest 10 school weeks starting on or before {@code asOfWeekStart}. */
    public static Result over(List<Week> weeks, LocalDate asOfWeekStart) {
        List<Week> window = weeks.stream()
                .filter(w -> w.sessions() > 0 && !w.weekStart().isAfter(asOfWeekStart))
                .sorted(Comparator.comparing(Week::weekStart).reversed())
                .limit(WEEKS)
                .toList();
        int total = window.stream().mapToInt(Week::penaltySessions).sum();
        LocalDate from = window.isEmpty() ? asOfWeekStart : window.get(window.size() - 1).weekStart();
        return new Result(total, from, asOfWeekStart.plusDays(6), window.size(), total >= THRESHOLD);
    }
}
