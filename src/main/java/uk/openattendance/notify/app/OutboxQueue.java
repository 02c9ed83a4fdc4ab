package uk.openattendance.notify.app;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import uk.openattendance.platform.queue.Claim;
import uk.openattendance.platform.queue.QueueConsumer;

/** The outbox as a consumer of the platform's queue: each message is one entry, sent by one of this instance's workers. */
@Singleton
class OutboxQueue implements QueueConsumer {
    private final Dispatcher dispatcher;
    private final int workers;
    private final boolean ticks;

    OutboxQueue(Dispatcher dispatcher, @Value("${notify.dispatcher.workers:8}") int workers, @Value("${notify.dispatcher.enabled:true}") boolean ticks) {
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.ticks = ticks;
    }

    @Override
    public String queue() {
        return Dispatcher.QUEUE;
    }

    @Override
    public int workers() {
        return workers;
    }

    @Override
    public boolean ticks() {
        return ticks;
    }

    @Override
    public String work(Claim claim) {
        return dispatcher.work(claim);
    }
}
