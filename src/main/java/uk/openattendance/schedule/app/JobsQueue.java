package uk.openattendance.schedule.app;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import uk.openattendance.platform.queue.QueueConsumer;
import uk.openattendance.schedule.persistence.JobStore;

/**
 * The scheduled jobs as a consumer of the platform's queue. Schools run side by side (twenty schools' first texts
 * fall due at the same minute); one school's jobs run one after another, so its texts go before the call list they
 * feed and two of its jobs never race.
 */
@Factory
class JobsQueue {
    @Singleton
    QueueConsumer jobsConsumer(Scheduler scheduler, @Value("${schedule.workers:4}") int workers, @Value("${schedule.enabled:true}") boolean ticks) {
        return QueueConsumer.of(JobStore.QUEUE, workers, scheduler::work).oneSchoolAtATime().ticking(ticks);
    }
}
