package uk.openattendance.platform.queue;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The instance's one ticker: every second it reaps and claims due entries for every queue. Tests switch it off and drain queues themselves. */
@Singleton
@Requires(property = "queue.ticker.enabled", notEquals = "false")
class QueueTicker {
    private static final Logger LOG = LoggerFactory.getLogger(QueueTicker.class);
    private final LeasedQueue queue;

    QueueTicker(LeasedQueue queue) {
        this.queue = queue;
    }

    @Scheduled(fixedDelay = "${queue.interval:1s}", initialDelay = "5s")
    void tick() {
        try {
            queue.tick();
        } catch (RuntimeException e) {
            LOG.error("queue tick failed; the next tick tries again", e);
        }
    }
}
