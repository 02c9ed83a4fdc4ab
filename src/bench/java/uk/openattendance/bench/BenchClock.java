package uk.openattendance.bench;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import uk.openattendance.platform.time.ClockFactory;

/** The notification benchmark sets the morning it measures (a school day at the first-text time); time then runs on. */
@Factory
@Requires(env = "notifybench")
class BenchClock {
    static volatile Instant anchor = Instant.now();
    static volatile long anchorNanos = System.nanoTime();

    static void set(Instant at) {
        anchorNanos = System.nanoTime();
        anchor = at;
    }

    @Singleton
    @Replaces(bean = Clock.class, factory = ClockFactory.class)
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(instant(), zone);
            }

            @Override
            public Instant instant() {
                return anchor.plusNanos(System.nanoTime() - anchorNanos);
            }
        };
    }
}
