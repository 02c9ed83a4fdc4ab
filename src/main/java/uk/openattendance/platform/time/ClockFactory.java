package uk.openattendance.platform.time;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The only source of "now" in the service; tests replace it with a clock they drive. */
@Factory
public class ClockFactory {
    @Singleton
    public Clock clock() {
        return Clock.systemUTC();
    }
}
