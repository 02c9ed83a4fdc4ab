package uk.openattendance.security.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How many failed sign-ins a key (an account, or a client address) may have before it is locked, and for how long.
 * The first {@code freeFailures} cost nothing; each one after that locks the key for {@code firstLockout}, doubling
 * every time up to {@code maxLockout}, so a guesser gets a handful of tries an hour while a person who mistypes a few
 * times is never held up. A key that stays quiet for {@code forgetAfter} after its last failure or lockout starts
 * afresh.
 */
public record ThrottlePolicy(int freeFailures, Duration firstLockout, Duration maxLockout, Duration forgetAfter) {

    public ThrottlePolicy {
        if (freeFailures < 1 || firstLockout.isNegative() || firstLockout.isZero() || maxLockout.compareTo(firstLockout) < 0 || forgetAfter.isNegative()) {
            throw new IllegalArgumentException("a throttle needs at least one free failure and a lockout that grows up to its cap");
        }
    }

    /** Staff accounts: five free failures, then 1, 2, 4, 8 ... minutes, never more than an hour. */
    public static ThrottlePolicy perAccount() {
        return new ThrottlePolicy(5, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(15));
    }

    /** A client address may be a school's whole network behind one router, so it gets a larger budget. */
    public static ThrottlePolicy perAddress(int freeFailures) {
        return new ThrottlePolicy(freeFailures, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofMinutes(15));
    }

    /** How long the key is locked once it has this many failures counted (zero: not locked). */
    public Duration lockoutAfter(int failures) {
        int over = failures - freeFailures;
        if (over <= 0) {
            return Duration.ZERO;
        }
        // 2^(over-1) minutes overflows long before it matters; stop doubling once past the cap
        Duration lock = firstLockout;
        for (int i = 1; i < over && lock.compareTo(maxLockout) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(maxLockout) > 0 ? maxLockout : lock;
    }

    /** The moment the key is locked until after this failure, or null when it stays open. */
    public Instant lockedUntil(int failures, Instant now) {
        Duration lock = lockoutAfter(failures);
        return lock.isZero() ? null : now.plus(lock);
    }

    /** Whether a key's count is forgotten: quiet since its last failure (or the end of its lockout) for {@code forgetAfter}. */
    public boolean forgotten(Instant lastFailure, Instant lockedUntil, Instant now) {
        Instant quietSince = lockedUntil != null && lockedUntil.isAfter(lastFailure) ? lockedUntil : lastFailure;
        return !now.isBefore(quietSince.plus(forgetAfter));
    }

    /** Whole seconds to wait, rounded up, as Retry-After wants; zero when not locked. */
    public static long secondsUntil(Instant lockedUntil, Instant now) {
        if (lockedUntil == null || !lockedUntil.isAfter(now)) {
            return 0;
        }
        long millis = Duration.between(now, lockedUntil).toMillis();
        return (millis + 999) / 1000;
    }
}
