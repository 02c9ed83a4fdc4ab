package uk.openattendance.webhooks.app;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import uk.openattendance.platform.queue.QueueConsumer;
import uk.openattendance.webhooks.persistence.WebhookStore;

/** The webhook deliveries as a consumer of the platform's queue: each delivery is one entry, posted by one of this instance's workers. */
@Factory
class WebhooksQueue {
    @Singleton
    QueueConsumer webhooksConsumer(WebhookDispatcher dispatcher, @Value("${webhooks.dispatcher.workers:4}") int workers,
            @Value("${webhooks.dispatcher.enabled:true}") boolean ticks) {
        return QueueConsumer.of(WebhookStore.QUEUE, workers, dispatcher::work).ticking(ticks);
    }
}
