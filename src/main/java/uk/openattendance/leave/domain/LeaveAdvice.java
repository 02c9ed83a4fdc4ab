package uk.openattendance.leave.domain;

import java.util.List;

/**
 * What the school's rules say about a leave request, for the headteacher who decides: each point names its rule and
 * its reason in plain words. Advice never decides; the headteacher approves all, part or none.
 */
public record LeaveAdvice(Leaning leaning, List<Point> points) {

    public enum Leaning { NO_CONCERNS, CONCERNS, LIKELY_REFUSE }

    public enum Weight { NOTE, CONCERN, AGAINST }

    public record Point(String rule, Weight weight, String reason) {}

    public static LeaveAdvice of(List<Point> points) {
        Leaning leaning = points.stream().anyMatch(p -> p.weight() == Weight.AGAINST) ? Leaning.LIKELY_REFUSE
                : points.stream().anyMatch(p -> p.weight() == Weight.CONCERN) ? Leaning.CONCERNS : Leaning.NO_CONCERNS;
        return new LeaveAdvice(leaning, List.copyOf(points));
    }
}
