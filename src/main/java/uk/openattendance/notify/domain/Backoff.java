package uk.openattendance.notify.domain;

import java.time.Duration;

/** When to try a failed send again: 30 s, 1, 2, 4 minutes; after {@link #MAX_ATTEMPTS} the next contact or channel is tried. */
public final class Backoff {
    public static final int MAX_ATTEMPTS = 5;

    private Backoff() {}

    public static Duration after(int attempts) {
        return Duration.ofSeconds(30L << Math.min(Math.max(attempts - 1, 0), 5));
    }
}
