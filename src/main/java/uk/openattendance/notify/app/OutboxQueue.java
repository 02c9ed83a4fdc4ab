package uk.openattendance.notify.app;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import uk.openattendance.platform.queue.QueueConsumer;

/** The outbox as a consumer of the platform's queue: each message is one entry, sent by one of this instance's workers. */
@Factory
class OutboxQueue {
    @Singleton
    QueueConsumer outboxConsumer(Dispatcher dispatcher, @Value("${notify.dispatcher.workers:8}") int workers,
            @Value("${notify.dispatcher.enabled:true}") boolean ticks) {
        return QueueConsumer.of(Dispatcher.QUEUE, workers, dispatcher::work).ticking(ticks);
    }
}
