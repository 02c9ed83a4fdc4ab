package uk.openattendance.platform.queue;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import uk.openattendance.platform.queue.domain.LeaseTerms;

/** This instance's queue; its consumers (the outbox, the jobs, the webhooks) are looked up when first needed, since they use it too. */
@Factory
class QueueFactory {
    @Singleton
    @Bean(preDestroy = "close")
    LeasedQueue queue(QueueStore store, BeanContext context, Clock clock, @Value("${queue.lease:60s}") Duration lease,
            @Value("${queue.heartbeat:20s}") Duration heartbeat) {
        return new LeasedQueue(store, () -> context.getBeansOfType(QueueConsumer.class), clock, new LeaseTerms(lease, heartbeat),
                "instance-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
