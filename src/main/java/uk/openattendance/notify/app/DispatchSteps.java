package uk.openattendance.notify.app;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.notify.persistence.NewMessage;
import uk.openattendance.notify.persistence.OutboxRow;
import uk.openattendance.notify.persistence.OutboxStatus;
import uk.openattendance.notify.persistence.OutboxStore;
import uk.openattendance.platform.queue.Claim;

/** The dispatcher's database steps that move a message on to the next contact or channel (never in a transaction held open while a provider answers). */
@Singleton
class DispatchSteps {
    private final OutboxStore store;
    private final ApplicationEventPublisher<MessageSettled> settled;

    DispatchSteps(OutboxStore store, ApplicationEventPublisher<MessageSettled> settled) {
        this.store = store;
        this.settled = settled;
    }

    /** Inside the transaction that records a message as accepted by its provider. */
    void announceSent(OutboxRow row) {
        settled.publishEvent(new MessageSettled(row.schoolId(), row.id(), MessageSettled.Outcome.SENT, row.channel(), row.purpose(), row.pupils(),
                row.attachmentRef(), null, false));
    }

    private void announceFailed(OutboxRow row, String error, boolean nextTried) {
        settled.publishEvent(new MessageSettled(row.schoolId(), row.id(), MessageSettled.Outcome.FAILED, row.channel(), row.purpose(), row.pupils(),
                row.attachmentRef(), error, nextTried));
    }

    /**
     * Closes a message that will not reach its recipient and queues the next contact or channel in its plan, in one
     * transaction with taking it off the queue, and only while the claim is still this worker's.
     */
    boolean failAndFallBack(Claim claim, OutboxRow row, OutboxStatus status, String error, boolean sameContactAllowed, Instant now) {
        return claim.done(() -> {
            store.record(row.id(), status, null, error, null, claim.attempts(), now);
            announceFailed(row, error, queueFallback(row, sameContactAllowed, now));
        });
    }

    /** After a delivery receipt says a sent message failed. */
    @Transactional
    void fallBackAfterReceipt(OutboxRow row, Instant now) {
        announceFailed(row, row.lastError(), queueFallback(row, true, now));
    }

    /** Queues the next contact or channel of the message's plan; false when none is left. */
    private boolean queueFallback(OutboxRow row, boolean sameContactAllowed, Instant now) {
        List<Recipients.Target> rest = Recipients.Plan.decodeFallbacks(row.fallbacks());
        if (!sameContactAllowed) {
            rest = rest.stream().filter(t -> row.contactId() == null || t.contactId() != row.contactId()).toList();
        }
        if (rest.isEmpty()) {
            return false;
        }
        Recipients.Target next = rest.get(0);
        String remaining = new Recipients.Plan(next, rest.subList(1, rest.size())).encodedFallbacks();
        store.enqueue(List.of(new NewMessage(row.schoolId(), row.dedupKey() + "~" + next.contactId() + next.channel().name().charAt(0), row.purpose(),
                row.priority(), next.channel().name(), next.contactId(), next.address(), row.subject(), row.body(), row.pupils(), row.aboutDate(),
                remaining, row.id(), null, next.channel() == uk.openattendance.roll.domain.Channel.EMAIL ? row.attachmentRef() : null, row.sealedBody(),
                row.secretExpiresAt())), now);
        return true;
    }
}
