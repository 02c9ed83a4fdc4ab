package uk.openattendance.webhooks.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts due webhook deliveries every few seconds on every instance; tests switch it off and drive the dispatcher themselves. */
@Singleton
@Requires(property = "webhooks.dispatcher.enabled", notEquals = "false")
class WebhookTimer {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookTimer.class);
    private final WebhookDispatcher dispatcher;

    WebhookTimer(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelay = "${webhooks.dispatcher.interval:5s}", initialDelay = "10s")
    void tick() {
        try {
            WebhookDispatcher.Pass pass = dispatcher.dispatchDue();
            if (pass.delivered() + pass.retried() + pass.failed() > 0) {
                LOG.info("webhooks: {}", pass);
            }
        } catch (RuntimeException e) {
            LOG.error("webhook pass failed; the next pass retries", e);
        }
    }
}
