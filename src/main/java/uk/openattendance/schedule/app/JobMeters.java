package uk.openattendance.schedule.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Each job run on this instance: how late it started (from when it was due to when a worker began it), how long it
 * took, and its outcome; a job that failed for good is also counted apart, by kind, for the alert. Kinds are the
 * handlers' own fixed names, and every series exists at 0 from the start.
 */
@Singleton
class JobMeters {
    static final List<String> OUTCOMES = List.of(Scheduler.DONE, Scheduler.SKIPPED, Scheduler.RETRY, Scheduler.FAILED);
    private final MeterRegistry registry;

    JobMeters(MeterRegistry registry, Collection<JobHandler> handlers) {
        this.registry = registry;
        for (JobHandler h : handlers) {
            failures(h.kind()).increment(0);
            OUTCOMES.forEach(o -> runs(h.kind(), o).increment(0));
        }
    }

    void started(String kind, Duration lag) {
        Timer.builder("attendance.job.lag").description("From a job's due time to a worker starting it, by kind").tag("kind", kind)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(100)).maximumExpectedValue(Duration.ofHours(1)).register(registry)
                .record(lag.isNegative() ? Duration.ZERO : lag);
    }

    void finished(String kind, String outcome, Duration took) {
        runs(kind, outcome).increment();
        Timer.builder("attendance.job.duration").description("How long a job's run took, by kind").tag("kind", kind).register(registry).record(took);
        if (Scheduler.FAILED.equals(outcome)) {
            failures(kind).increment();
        }
    }

    private Counter runs(String kind, String outcome) {
        return Counter.builder("attendance.job.runs").description("Job runs by kind and outcome (DONE, SKIPPED, RETRY, FAILED)")
                .tags("kind", kind, "outcome", outcome).register(registry);
    }

    private Counter failures(String kind) {
        return Counter.builder("attendance.job.failures").description("Jobs that failed for good (every attempt used), by kind").tag("kind", kind)
                .register(registry);
    }
}
