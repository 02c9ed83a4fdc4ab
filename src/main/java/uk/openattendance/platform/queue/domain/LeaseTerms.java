package uk.openattendance.platform.queue.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a claim holds an entry and how often its holder renews it. The holder renews every {@code heartbeat}
 * while the work runs, so a lease ends only when its holder stops (it died, hung, or lost its database), never
 * because the work was slow. The heartbeat is at most a third of the lease, so two missed renewals in a row are
 * survived: a lease lapses only after its holder has been silent for longer than the lease.
 */
public record LeaseTerms(Duration lease, Duration heartbeat) {
    public LeaseTerms {
        if (lease.isNegative() || lease.isZero() || heartbeat.isNegative() || heartbeat.isZero() || heartbeat.multipliedBy(3).compareTo(lease) > 0) {
            throw new IllegalArgumentException("the heartbeat (" + heartbeat + ") must be positive and at most a third of the lease (" + lease + ")");
        }
    }

    /** The terms with the usual renewal: a third of the lease. */
    public static LeaseTerms of(Duration lease) {
        return new LeaseTerms(lease, lease.dividedBy(3));
    }

    /** Until when a claim made, or renewed, at {@code now} holds. */
    public Instant until(Instant now) {
        return now.plus(lease);
    }

    /** Whether a lease held until {@code until} has lapsed at {@code now}: its holder is taken for dead and the entry may be reaped. */
    public static boolean lapsed(Instant until, Instant now) {
        return until != null && until.isBefore(now);
    }

    /** Whether a holder last renewed at {@code renewedAt} should renew at {@code now}. */
    public boolean renewalDue(Instant renewedAt, Instant now) {
        return !renewedAt.plus(heartbeat).isAfter(now);
    }
}
