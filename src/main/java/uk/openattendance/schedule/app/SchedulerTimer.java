package uk.openattendance.schedule.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Plans each school's day on every instance (the job table keeps one of each); the platform queue's ticker runs them. Tests switch this off. */
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
            int planned = scheduler.plan(null);
            if (planned > 0) {
                LOG.info("jobs planned: {}", planned);
            }
        } catch (RuntimeException e) {
            LOG.error("planning the day's jobs failed; the next tick retries", e);
        }
    }
}
