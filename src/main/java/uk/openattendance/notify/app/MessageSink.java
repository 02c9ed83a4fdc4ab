package uk.openattendance.notify.app;

import java.time.Instant;
import java.util.Optional;
import uk.openattendance.notify.domain.OutgoingMessage;

/** Where outgoing messages go: stored for reading (embedded default, tests) or sent through Twilio and SMTP. */
public interface MessageSink {
    /**
     * Hands one message to the provider and returns the provider's id for it. {@code reference} is our outbox id, unique
     * per message, which providers that can carry it keep (email Message-ID, the status-callback URL).
     */
    String send(OutgoingMessage message, long reference) throws SendFailure;

    /**
     * After a crash between handing a message over and recording it, whether the provider already accepted it; the
     * dispatcher asks before sending an in-doubt message again. Empty when the provider cannot tell or did not accept it.
     */
    default Optional<String> findAccepted(OutgoingMessage message, Instant since) {
        return Optional.empty();
    }
}
