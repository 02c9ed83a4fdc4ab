package uk.openattendance.notify.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Set;
import uk.openattendance.notify.domain.MessagePurpose;
import uk.openattendance.roll.domain.Channel;

/**
 * What this instance's sends did, counted as they happen (summed across replicas): accepted by the provider per channel
 * and purpose, refused per channel and kind of failure, and the provider's delivery receipts per status. Every label
 * comes from a fixed list; every series exists from the start at 0, so {@code increase()} sees the first failure.
 */
@Singleton
class NotifyMeters {
    /** Twilio's message statuses (its status callbacks); anything else is counted as {@code other}. */
    static final Set<String> RECEIPT_STATUSES = Set.of("queued", "sending", "sent", "delivered", "undelivered", "failed", "read", "accepted", "canceled");
    private final MeterRegistry registry;

    NotifyMeters(MeterRegistry registry) {
        this.registry = registry;
        for (Channel c : Channel.values()) {
            for (MessagePurpose p : MessagePurpose.values()) {
                sent(c, p.name(), 0);
            }
            for (SendFailure.Kind k : SendFailure.Kind.values()) {
                failures(c, k).increment(0);
            }
        }
        for (String s : RECEIPT_STATUSES) {
            receipts(s).increment(0);
        }
    }

    void sent(Channel channel, String purpose, int n) {
        Counter.builder("attendance.messages.sent").description("Messages the provider accepted, by channel and purpose")
                .tags("channel", channel.name(), "purpose", purpose).register(registry).increment(n);
    }

    void failed(Channel channel, SendFailure.Kind kind) {
        failures(channel, kind).increment();
    }

    void receipt(String providerStatus) {
        receipts(providerStatus == null ? "other" : providerStatus.toLowerCase(Locale.ROOT)).increment();
    }

    private Counter failures(Channel channel, SendFailure.Kind kind) {
        return Counter.builder("attendance.messages.send.failures").description("Sends the provider did not accept, by channel and kind: not_sent, "
                + "retry_after, unknown (asked again before any resend), permanent, opted_out").tags("channel", channel.name(), "kind",
                kind.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    private Counter receipts(String status) {
        return Counter.builder("attendance.messages.receipts").description("Delivery receipts from the SMS provider, by its status")
                .tag("status", RECEIPT_STATUSES.contains(status) ? status : "other").register(registry);
    }
}
