package uk.openattendance.notify.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sending is the platform queue's ticker's work (see {@link OutboxQueue}); this sweeps what is not queued, on every
 * instance: inbound texts an instance died while processing, and secrets' sealed wording once they expire. Tests switch it off and drive the dispatcher themselves.
 */
@Singleton
@Requires(property = "notify.dispatcher.enabled", notEquals = "false")
class DispatchTimer {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchTimer.class);
    private final InboundTexts inbound;
    private final Dispatcher dispatcher;

    DispatchTimer(InboundTexts inbound, Dispatcher dispatcher) {
        this.inbound = inbound;
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelay = "${notify.dispatcher.interval:2s}", initialDelay = "5s")
    void tick() {
        try {
            dispatcher.wipeExpiredSecrets();
        } catch (RuntimeException e) {
            LOG.error("wiping expired secrets failed; the next pass retries", e);
        }
        try {
            int swept = inbound.sweepCrashed();
            if (swept > 0) {
                LOG.info("inbound texts left unprocessed by a crash, processed now: {}", swept);
            }
        } catch (RuntimeException e) {
            LOG.error("inbound sweep failed; the next pass retries", e);
        }
    }
}
