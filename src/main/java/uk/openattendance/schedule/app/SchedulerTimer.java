package uk.openattendance.schedule.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every instance ticks; the job table decides who runs what. Tests switch this off and tick with a driven clock. */
@Singleton
@Requires(property = "schedule.enabled", notEquals = "false")
class SchedulerTimer {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerTimer.class);
    private final Scheduler scheduler;

    SchedulerTimer(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Scheduled(fixedDelay = "${schedule.interval:15s}", initialDelay = "10s")
    void tick() {
        try {
            Scheduler.Tick t = scheduler.tick();
            if (t.done() + t.failed() + t.skipped() > 0) {
                LOG.info("jobs: {}", t);
            }
        } catch (RuntimeException e) {
            LOG.error("scheduler tick failed; the next tick retries", e);
        }
    }
}
