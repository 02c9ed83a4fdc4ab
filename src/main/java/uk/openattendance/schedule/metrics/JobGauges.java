package uk.openattendance.schedule.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.openattendance.platform.metrics.DatabaseGauges;
import uk.openattendance.platform.metrics.LabelledGauge;
import uk.openattendance.schedule.app.JobHandler;
import uk.openattendance.schedule.persistence.JobStore;

/**
 * Jobs that failed for good in the last day, by kind, from the database: unlike a counter it survives a restart, and
 * it falls back to 0 once staff run the job again and it succeeds.
 */
@Singleton
class JobGauges implements DatabaseGauges {
    static final Duration WINDOW = Duration.ofHours(24);
    private final JobStore store;
    private final LabelledGauge failed;

    JobGauges(JobStore store, MeterRegistry registry, List<JobHandler> handlers) {
        this.store = store;
        this.failed = new LabelledGauge(registry, "attendance.jobs.failed", "Jobs failed for good in the last 24 hours and not run again, by kind", null,
                handlers.stream().map(h -> Tags.of("kind", h.kind())).toList());
    }

    @Override
    public void refresh(Instant now) {
        Map<Tags, Long> n = new HashMap<>();
        store.failedSince(now.minus(WINDOW)).forEach((kind, count) -> n.put(Tags.of("kind", kind), count));
        failed.set(n);
    }
}
