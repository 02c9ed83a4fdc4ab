package uk.openattendance.platform.time;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

@Factory
public class TestClockFactory {
    @Singleton
    @Replaces(bean = Clock.class, factory = ClockFactory.class)
    public MutableClock clock() {
        return new MutableClock(Instant.parse("2026-11-23T08:30:00Z"));
    }
}
