package uk.openattendance.platform.metrics;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads every database gauge every {@code attendance.metrics.refresh} (15 s by default: a Prometheus scrape
 * interval). A few grouped counts over indexed rows per refresh, whatever the number of scrapes or replicas' scrapers.
 */
@Singleton
public class GaugeRefresher {
    private static final Logger LOG = LoggerFactory.getLogger(GaugeRefresher.class);
    private final List<DatabaseGauges> gauges;
    private final Clock clock;

    GaugeRefresher(List<DatabaseGauges> gauges, Clock clock) {
        this.gauges = gauges;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${attendance.metrics.refresh:15s}", initialDelay = "${attendance.metrics.initial-delay:10s}")
    void onTimer() {
        refreshNow();
    }

    /** Reads every gauge now (the timer, and tests before they scrape). One failing gauge keeps its last values; the others still refresh. */
    public void refreshNow() {
        for (DatabaseGauges g : gauges) {
            try {
                g.refresh(clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("metrics: {} could not be read; its last values stay until the next refresh", g.getClass().getSimpleName(), e);
            }
        }
    }
}
