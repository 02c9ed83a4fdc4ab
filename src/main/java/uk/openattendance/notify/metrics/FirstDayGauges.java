package uk.openattendance.notify.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.openattendance.notify.persistence.OutboxStatus;
import uk.openattendance.notify.persistence.OutboxStore;
import uk.openattendance.platform.metrics.DatabaseGauges;
import uk.openattendance.platform.metrics.LabelledGauge;

/**
 * This morning's first-day texts, due against sent, over every school. A school-morning is one school's first-text
 * job that fell due in the last {@link #MORNING} (long enough for the day, too short to reach yesterday's, in any zone).
 * No school id in the labels: the alert says a morning is late, and the school's own message list says which.
 */
@Singleton
class FirstDayGauges implements DatabaseGauges {
    static final String FIRST_TEXT_JOB = "FIRST_DAY_TEXT";
    static final Duration MORNING = Duration.ofHours(18);
    static final List<String> STATES = List.of("due", "sent", "pending", "failed", "cancelled");
    private final OutboxStore store;
    private final LabelledGauge texts;
    private final LabelledGauge unsent;
    private final LabelledGauge mornings;

    FirstDayGauges(OutboxStore store, MeterRegistry registry) {
        this.store = store;
        this.texts = new LabelledGauge(registry, "attendance.first.day.texts", "This morning's first-day texts: due (all but cancelled), sent (or "
                + "delivered), pending, failed, cancelled (the child arrived or was reported)", null, STATES.stream().map(s -> Tags.of("state", s)).toList());
        this.unsent = new LabelledGauge(registry, "attendance.first.day.texts.unsent.age", "How long the longest-waiting unsent first-day text of this "
                + "morning has been due (0 when every due text is sent)", "seconds", List.of(Tags.empty()));
        this.mornings = new LabelledGauge(registry, "attendance.first.day.mornings", "School-mornings whose first-text job has fallen due, and of "
                + "those, the ones whose texts are all sent", null, List.of(Tags.of("state", "due"), Tags.of("state", "all_sent")));
    }

    @Override
    public void refresh(Instant now) {
        Map<String, Long> n = new HashMap<>();
        Instant oldestPending = null;
        Set<Long> due = new HashSet<>();
        Set<Long> waiting = new HashSet<>();
        for (OutboxStore.MorningTexts m : store.firstDayMornings(FIRST_TEXT_JOB, now.minus(MORNING), now)) {
            due.add(m.job());
            if (m.status() == null) {
                continue; // a morning with no absent child: nothing to send
            }
            String state = state(m.status());
            n.merge(state, m.texts(), Long::sum);
            if (!state.equals("cancelled")) {
                n.merge("due", m.texts(), Long::sum);
            }
            if (state.equals("pending")) {
                waiting.add(m.job());
                oldestPending = oldestPending == null || m.dueSince().isBefore(oldestPending) ? m.dueSince() : oldestPending;
            }
        }
        Map<Tags, Long> byState = new HashMap<>();
        n.forEach((s, v) -> byState.put(Tags.of("state", s), v));
        texts.set(byState);
        unsent.set(Map.of(Tags.empty(), oldestPending == null ? 0 : LabelledGauge.secondsSince(oldestPending, now)));
        mornings.set(Map.of(Tags.of("state", "due"), due.size(), Tags.of("state", "all_sent"), due.size() - waiting.size()));
    }

    /** No default: a new status must be given its state here, or it would be counted silently as failed. */
    private static String state(OutboxStatus status) {
        return switch (status) {
            case SENT, DELIVERED -> "sent";
            case PENDING -> "pending";
            case CANCELLED -> "cancelled";
            case FAILED, SUPPRESSED -> "failed";
        };
    }
}
