package uk.openattendance.platform.queue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.openattendance.platform.metrics.DatabaseGauges;
import uk.openattendance.platform.metrics.LabelledGauge;

/**
 * The leased queue's backlog per queue (outbox, jobs, webhooks) and status, from queue_entry: the same on every
 * replica. The outbox's own gauges break its queue down by purpose.
 */
@Singleton
class QueueGauges implements DatabaseGauges {
    static final List<String> QUEUES = List.of("outbox", "jobs", "webhooks");
    static final List<String> STATUSES = List.of("scheduled", "retrying", "due", "claimed");
    private final QueueStore store;
    private final LabelledGauge entries;
    private final LabelledGauge oldest;

    QueueGauges(QueueStore store, MeterRegistry registry) {
        this.store = store;
        List<Tags> every = new ArrayList<>();
        QUEUES.forEach(q -> STATUSES.forEach(s -> every.add(Tags.of("queue", q, "status", s))));
        this.entries = new LabelledGauge(registry, "attendance.queue.entries", "Work waiting in the leased queue, by queue and status", null, every);
        this.oldest = new LabelledGauge(registry, "attendance.queue.oldest.age", "Age of the oldest waiting entry: since it fell due (due, claimed) "
                + "or was queued (scheduled, retrying)", "seconds");
    }

    @Override
    public void refresh(Instant now) {
        Map<Tags, Long> n = new HashMap<>();
        Map<Tags, Double> age = new HashMap<>();
        for (QueueStore.Depth d : store.depth(now, null, null, null)) {
            Tags t = Tags.of("queue", d.group(), "status", d.status());
            n.put(t, d.entries());
            age.put(t, LabelledGauge.secondsSince(d.oldestSince(), now));
        }
        entries.set(n);
        oldest.set(age);
    }
}
