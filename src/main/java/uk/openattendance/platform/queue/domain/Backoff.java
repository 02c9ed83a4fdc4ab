package uk.openattendance.platform.queue.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The queue's one retry rule: after a failed attempt wait {@code first}, doubling with each further attempt up to
 * {@code cap}; after {@code maxAttempts} attempts there is no next try and the work is given up (each queue says what
 * giving up means: the next contact, a FAILED delivery, a failed job). A constant gap is {@code first == cap}.
 */
public record Backoff(Duration first, Duration cap, int maxAttempts) {
    public Backoff {
        if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("a backoff needs 0 < first <= cap and at least one attempt: " + first + ", " + cap + ", " + maxAttempts);
        }
    }

    public static Backoff constant(Duration gap, int maxAttempts) {
        return new Backoff(gap, gap, maxAttempts);
    }

    /** The gap after attempt number {@code attempt} (1 for the first) failed, or empty when that was the last one allowed. */
    public Optional<Duration> after(int attempt) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration gap = first.multipliedBy(1L << doublings);
        return Optional.of(gap.compareTo(cap) > 0 || gap.isNegative() ? cap : gap);
    }

    /** When to try again after attempt {@code attempt} failed at {@code now}, whole seconds; empty when it was the last. */
    public Optional<Instant> nextTry(int attempt, Instant now) {
        return after(attempt).map(gap -> now.plus(gap).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
