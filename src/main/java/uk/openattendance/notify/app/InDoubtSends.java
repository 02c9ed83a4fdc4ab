package uk.openattendance.notify.app;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.openattendance.notify.domain.Backoff;
import uk.openattendance.notify.domain.OutgoingMessage;
import uk.openattendance.notify.persistence.OutboxRow;
import uk.openattendance.notify.persistence.OutboxStore;

/**
 * Messages that may have reached the provider without our knowing: a send that timed out or lost its connection after
 * the request was written, a 500, or an instance that died mid-send. Such a message is never sent again until the
 * provider has been asked whether it already has it; asked too soon, a slow provider might not list it yet, so the
 * question waits a backoff step (30 s at first, well past the client's timeout).
 */
@Singleton
class InDoubtSends {
    private static final Logger LOG = LoggerFactory.getLogger(InDoubtSends.class);
    /** Our clock and the provider's differ by seconds; its list is searched from a little before the message existed. */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    private final OutboxStore store;
    private final DispatchSteps steps;
    private final MessageSink sink;

    InDoubtSends(OutboxStore store, DispatchSteps steps, MessageSink sink) {
        this.store = store;
        this.steps = steps;
        this.sink = sink;
    }

    /** The send's outcome is unknown: leave the message for a question to the provider, not for another send. */
    Dispatcher.Pass unknown(OutboxRow row, String owner, SendFailure f, Instant at) {
        Instant askAt = at.plus(Backoff.after(row.attempts() + 1)).truncatedTo(ChronoUnit.SECONDS);
        if (!store.leaveInDoubt(row.id(), owner, "outcome unknown (" + f.getMessage() + "); the provider is asked at " + askAt + " before any resend",
                askAt, at)) {
            LOG.warn("outbox {}: outcome unknown after this instance's lease ran out", row.id());
        }
        return new Dispatcher.Pass(0, 1, 0, 0, 0);
    }

    /**
     * For a message claimed while in doubt (status SENDING): recorded as sent when the provider has it, left in doubt
     * when the provider cannot be asked, or empty when the provider says it never had it and it may be sent.
     */
    Optional<Dispatcher.Pass> resolve(OutboxRow row, OutgoingMessage message, String owner, Instant now) {
        if (!"SENDING".equals(row.status())) {
            return Optional.empty();
        }
        Instant since = row.createdAt().minus(CLOCK_SLACK);
        MessageSink.Lookup found = sink.lookUp(message, row.id(), since, store.providerIdsTo(row.recipient(), since, row.id()));
        switch (found.state()) {
            case ACCEPTED -> {
                store.finish(row.id(), owner, "SENT", found.providerId(), "recovered after a send whose outcome was unknown: the provider had accepted it",
                        null, false, now);
                return Optional.of(new Dispatcher.Pass(1, 0, 0, 0, 0));
            }
            case NOT_ACCEPTED -> {
                return Optional.empty();
            }
            default -> {
                int attempt = row.attempts() + 1;
                if (attempt < Backoff.MAX_ATTEMPTS) {
                    Instant askAt = now.plus(Backoff.after(attempt)).truncatedTo(ChronoUnit.SECONDS);
                    store.leaveInDoubt(row.id(), owner, "outcome unknown and " + found.why() + "; asked again at " + askAt, askAt, now);
                    return Optional.of(new Dispatcher.Pass(0, 1, 0, 0, 0));
                }
                // never a text twice: after this long a person decides; the plan's next contact or channel is tried
                steps.failAndFallBack(row.withLease(owner), owner, "FAILED", "outcome unknown: the provider may have accepted it but could not be asked ("
                        + found.why() + "); not sent again, so nobody gets it twice. Check the provider's log", true, now);
                return Optional.of(new Dispatcher.Pass(0, 0, 1, 0, 0));
            }
        }
    }
}
