package uk.openattendance.schedule.app;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import uk.openattendance.platform.queue.Claim;
import uk.openattendance.platform.queue.QueueConsumer;
import uk.openattendance.schedule.persistence.JobStore;

/**
 * The scheduled jobs as a consumer of the platform's queue. Schools run side by side (twenty schools' first texts
 * fall due at the same minute); one school's jobs run one after another, so its texts go before the call list they
 * feed and two of its jobs never race.
 */
@Singleton
class JobsQueue implements QueueConsumer {
    private final Scheduler scheduler;
    private final int workers;
    private final boolean ticks;

    JobsQueue(Scheduler scheduler, @Value("${schedule.workers:4}") int workers, @Value("${schedule.enabled:true}") boolean ticks) {
        this.scheduler = scheduler;
        this.workers = workers;
        this.ticks = ticks;
    }

    @Override
    public String queue() {
        return JobStore.QUEUE;
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public boolean oneAtATimePerSchool() {
        return true;
    }

    @Override
    public boolean ticks() {
        return ticks;
    }

    @Override
    public String work(Claim claim) {
        return scheduler.work(claim);
    }
}
