package uk.openattendance.notify.app;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.openattendance.notify.domain.OutgoingMessage;
import uk.openattendance.notify.persistence.OutboxRow;
import uk.openattendance.notify.persistence.OutboxStatus;
import uk.openattendance.notify.persistence.OutboxStore;
import uk.openattendance.platform.queue.Claim;

/**
 * Messages that may have reached the provider without our knowing: a send that timed out or lost its connection after
 * the request was written, a 500, or an instance that died mid-send (the queue's reaper marks its entry in doubt).
 * Such a message is never sent again until the provider has been asked whether it already has it; asked too soon, a
 * slow provider might not list it yet, so the question waits a backoff step (30 s at first, well past the client's
 * timeout).
 */
@Singleton
class InDoubtSends {
    private static final Logger LOG = LoggerFactory.getLogger(InDoubtSends.class);
    /** Our clock and the provider's differ by seconds; its list is searched from a little before the message existed. */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(5);
    /** When the backoff has run out, the last question still waits this long: the answer decides, not the count. */
    static final Duration LAST_QUESTION = Duration.ofMinutes(16);

    private final OutboxStore store;
    private final DispatchSteps steps;
    private final MessageSink sink;

    InDoubtSends(OutboxStore store, DispatchSteps steps, MessageSink sink) {
        this.store = store;
        this.steps = steps;
        this.sink = sink;
    }

    /** The send's outcome is unknown: leave the message for a question to the provider, not for another send. */
    String unknown(Claim claim, OutboxRow row, SendFailure f, Instant at) {
        Instant askAt = Dispatcher.BACKOFF.nextTry(claim.attempts(), at).orElse(at.plus(LAST_QUESTION));
        String why = "outcome unknown (" + f.getMessage() + "); the provider is asked at " + askAt + " before any resend";
        if (!claim.retryInDoubt(askAt, () -> store.record(row.id(), OutboxStatus.PENDING, null, why, askAt, claim.attempts(), at))) {
            LOG.warn("outbox {}: outcome unknown after this instance lost its claim", row.id());
        }
        return Dispatcher.RETRIED;
    }

    /**
     * For a message claimed in doubt: recorded as sent when the provider has it, left in doubt when the provider cannot
     * be asked, or empty when the provider says it never had it and it may be sent.
     */
    Optional<String> resolve(Claim claim, OutboxRow row, OutgoingMessage message, Instant now) {
        if (!claim.inDoubt()) {
            return Optional.empty();
        }
        Instant since = row.createdAt().minus(CLOCK_SLACK);
        MessageSink.Lookup found = sink.lookUp(message, row.id(), since, store.providerIdsTo(row.recipient(), since, row.id()));
        switch (found.state()) {
            case ACCEPTED -> {
                claim.done(() -> {
                    store.record(row.id(), OutboxStatus.SENT, found.providerId(), "recovered after a send whose outcome was unknown: the provider had accepted it",
                            null, claim.attempts(), now);
                    steps.announceSent(row);
                });
                return Optional.of(Dispatcher.SENT);
            }
            case NOT_ACCEPTED -> {
                return Optional.empty();
            }
            default -> {
                Optional<Instant> askAt = Dispatcher.BACKOFF.nextTry(claim.attempts(), now);
                if (askAt.isPresent()) {
                    String why = "outcome unknown and " + found.why() + "; asked again at " + askAt.get();
                    claim.retryInDoubt(askAt.get(), () -> store.record(row.id(), OutboxStatus.PENDING, null, why, askAt.get(), claim.attempts(), now));
                    return Optional.of(Dispatcher.RETRIED);
                }
                // never a text twice: after this long a person decides; the plan's next contact or channel is tried
                steps.failAndFallBack(claim, row, OutboxStatus.FAILED, "outcome unknown: the provider may have accepted it but could not be asked ("
                        + found.why() + "); not sent again, so nobody gets it twice. Check the provider's log", true, now);
                return Optional.of(Dispatcher.FAILED);
            }
        }
    }
}
