package uk.openattendance.notify.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the dispatcher every few seconds on every instance; tests switch it off and drive the dispatcher themselves. */
@Singleton
@Requires(property = "notify.dispatcher.enabled", notEquals = "false")
class DispatchTimer {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchTimer.class);
    private final Dispatcher dispatcher;
    private final InboundTexts inbound;

    DispatchTimer(Dispatcher dispatcher, InboundTexts inbound) {
        this.dispatcher = dispatcher;
        this.inbound = inbound;
    }

    @Scheduled(fixedDelay = "${notify.dispatcher.interval:2s}", initialDelay = "5s")
    void tick() {
        try {
            Dispatcher.Pass pass = dispatcher.dispatchDue();
            if (pass.sent() + pass.failed() + pass.retried() > 0) {
                LOG.info("dispatched: {}", pass);
            }
        } catch (RuntimeException e) {
            LOG.error("dispatch pass failed; the next pass retries", e);
        }
        // texts an instance died while processing: the same loop on every instance, no timer of their own
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
