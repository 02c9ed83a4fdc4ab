package uk.openattendance.webhooks.app;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import uk.openattendance.platform.queue.Claim;
import uk.openattendance.platform.queue.QueueConsumer;
import uk.openattendance.webhooks.persistence.WebhookStore;

/** The webhook deliveries as a consumer of the platform's queue: each delivery is one entry, posted by one of this instance's workers. */
@Singleton
class WebhooksQueue implements QueueConsumer {
    private final WebhookDispatcher dispatcher;
    private final int workers;
    private final boolean ticks;

    WebhooksQueue(WebhookDispatcher dispatcher, @Value("${webhooks.dispatcher.workers:4}") int workers,
            @Value("${webhooks.dispatcher.enabled:true}") boolean ticks) {
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.ticks = ticks;
    }

    @Override
    public String queue() {
        return WebhookStore.QUEUE;
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
