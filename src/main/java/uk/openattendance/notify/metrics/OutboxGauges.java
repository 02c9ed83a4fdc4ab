package uk.openattendance.notify.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.notify.persistence.InboundStore;
import uk.openattendance.notify.persistence.OutboxStore;
import uk.openattendance.platform.metrics.DatabaseGauges;
import uk.openattendance.platform.metrics.LabelledGauge;
import uk.openattendance.platform.queue.QueueStore;

/**
 * What waits in the outbox, by purpose and status (the queue's vocabulary: scheduled, retrying, due, claimed), and the
 * inbound texts waiting for a person. Read from the database, so every replica says the same.
 */
@Singleton
class OutboxGauges implements DatabaseGauges {
    static final List<String> STATUSES = List.of("scheduled", "retrying", "due", "claimed");
    private final QueueStore queue;
    private final InboundStore inbound;
    private final LabelledGauge messages;
    private final LabelledGauge oldest;
    private final LabelledGauge review;
    private final LabelledGauge reviewOldest;

    OutboxGauges(QueueStore queue, InboundStore inbound, MeterRegistry registry) {
        this.queue = queue;
        this.inbound = inbound;
        List<Tags> every = new ArrayList<>();
        for (MessagePurpose p : MessagePurpose.values()) {
            STATUSES.forEach(s -> every.add(Tags.of("purpose", p.name(), "status", s)));
        }
        this.messages = new LabelledGauge(registry, "attendance.outbox.messages", "Messages waiting in the outbox, by purpose and status", null, every);
        this.oldest = new LabelledGauge(registry, "attendance.outbox.oldest.age", "Age of the oldest waiting message: since it fell due (due, claimed) "
                + "or was queued (scheduled, retrying)", "seconds");
        List<Tags> urgency = List.of(Tags.of("urgent", "true"), Tags.of("urgent", "false"));
        this.review = new LabelledGauge(registry, "attendance.inbound.texts.review", "Inbound texts waiting for a person to review", null, urgency);
        this.reviewOldest = new LabelledGauge(registry, "attendance.inbound.texts.review.oldest.age", "How long the oldest text waiting for review has waited",
                "seconds", urgency);
    }

    @Override
    public void refresh(Instant now) {
        Map<Tags, Long> n = new HashMap<>();
        Map<Tags, Double> age = new HashMap<>();
        for (QueueStore.Depth d : queue.depth(now, OutboxStore.QUEUE, "outbox_message", "purpose")) {
            Tags t = Tags.of("purpose", d.group(), "status", d.status());
            n.put(t, d.entries());
            age.put(t, LabelledGauge.secondsSince(d.oldestSince(), now));
        }
        messages.set(n);
        oldest.set(age);
        Map<Tags, Long> waiting = new HashMap<>();
        Map<Tags, Double> waited = new HashMap<>();
        inbound.waitingForReview().forEach((urgent, e) -> {
            Tags t = Tags.of("urgent", String.valueOf(urgent));
            waiting.put(t, e.getKey());
            waited.put(t, LabelledGauge.secondsSince(e.getValue(), now));
        });
        review.set(waiting);
        reviewOldest.set(waited);
    }
}
