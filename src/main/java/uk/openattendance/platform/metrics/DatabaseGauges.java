package uk.openattendance.platform.metrics;

import java.time.Instant;

/**
 * Gauges read from the database: what is waiting, not what this instance did. Every replica reads the same rows, so
 * every replica reports the same values: dashboards and alerts take {@code max} across instances, never {@code sum}.
 * {@link GaugeRefresher} calls {@link #refresh} on a short timer, so a scrape never waits on the database.
 */
public interface DatabaseGauges {
    void refresh(Instant now);
}
