package uk.openattendance.notify.app;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import uk.openattendance.notify.domain.Recipients;
import uk.openattendance.notify.persistence.NewMessage;
import uk.openattendance.notify.persistence.OutboxRow;
import uk.openattendance.notify.persistence.OutboxStore;

/** The dispatcher's database steps, each its own short transaction (never held open while a provider answers). */
@Singleton
class DispatchSteps {
    private final OutboxStore store;

    DispatchSteps(OutboxStore store) {
        this.store = store;
    }

    // READ COMMITTED: no gap locks, so claiming never blocks the transactions that are adding messages
    @io.micronaut.transaction.annotation.Transactional(isolation = io.micronaut.transaction.TransactionDefinition.Isolation.READ_COMMITTED)
    List<OutboxRow> claim(String owner, Instant now, Instant leaseUntil, int limit, java.util.Collection<Long> onlySchools) {
        return store.claim(owner, now, leaseUntil, limit, onlySchools);
    }

    /** Closes a message that will not reach its recipient and queues the next contact or channel in its plan, atomically. */
    @Transactional
    boolean failAndFallBack(OutboxRow row, String owner, String status, String error, boolean sameContactAllowed, Instant now) {
        boolean mine = row.leaseOwner() == null && !"SENDING".equals(row.status())
                || store.finish(row.id(), owner, status, null, error, null, false, now);
        if (!mine) {
            return false;
        }
        queueFallback(row, sameContactAllowed, now);
        return true;
    }

    /** After a delivery receipt says a sent message failed. */
    @Transactional
    void fallBackAfterReceipt(OutboxRow row, Instant now) {
        queueFallback(row, true, now);
    }

    private void queueFallback(OutboxRow row, boolean sameContactAllowed, Instant now) {
        List<Recipients.Target> rest = Recipients.Plan.decodeFallbacks(row.fallbacks());
        if (!sameContactAllowed) {
            rest = rest.stream().filter(t -> row.contactId() == null || t.contactId() != row.contactId()).toList();
        }
        if (rest.isEmpty()) {
            return;
        }
        Recipients.Target next = rest.get(0);
        String remaining = new Recipients.Plan(next, rest.subList(1, rest.size())).encodedFallbacks();
        store.enqueue(List.of(new NewMessage(row.schoolId(), row.dedupKey() + "~" + next.contactId() + next.channel().name().charAt(0), row.purpose(),
                row.priority(), next.channel().name(), next.contactId(), next.address(), row.subject(), row.body(), row.pupils(), row.aboutDate(),
                remaining, row.id(), null, next.channel() == uk.openattendance.roll.domain.Channel.EMAIL ? row.attachmentRef() : null, row.sealedBody(),
                row.secretExpiresAt())), now);
    }
}
