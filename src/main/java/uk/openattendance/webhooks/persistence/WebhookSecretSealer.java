package uk.openattendance.webhooks.persistence;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** At start-up, seals webhook secrets stored in clear before V016; safe on every replica at once (each row once). */
@Singleton
public class WebhookSecretSealer {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSecretSealer.class);
    private final WebhookStore store;

    public WebhookSecretSealer(WebhookStore store) {
        this.store = store;
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        int n = store.sealLegacySecrets();
        if (n > 0) {
            LOG.info("sealed {} webhook secret(s) that were stored in clear", n);
        }
    }
}
