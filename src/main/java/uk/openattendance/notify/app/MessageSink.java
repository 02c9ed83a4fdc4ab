package uk.openattendance.notify.app;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
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

    /**
     * The provider's word on a message whose earlier send may have reached it (an answer that never came, an instance
     * that died mid-send). {@code recordedElsewhere} are provider ids our outbox already holds for other messages to the
     * same recipient: a match among them is not this message. Sinks that can tell "not accepted" from "could not ask"
     * override this; the default reads {@link #findAccepted}.
     */
    default Lookup lookUp(OutgoingMessage message, long reference, Instant since, Set<String> recordedElsewhere) {
        return findAccepted(message, since).filter(id -> !recordedElsewhere.contains(id)).map(Lookup::accepted).orElse(Lookup.NOT_ACCEPTED);
    }

    /** What the provider said about an in-doubt message. */
    record Lookup(State state, String providerId, String why) {
        public enum State { ACCEPTED, NOT_ACCEPTED, CANNOT_TELL }

        public static final Lookup NOT_ACCEPTED = new Lookup(State.NOT_ACCEPTED, null, null);

        public static Lookup accepted(String providerId) {
            return new Lookup(State.ACCEPTED, providerId, null);
        }

        public static Lookup cannotTell(String why) {
            return new Lookup(State.CANNOT_TELL, null, why);
        }
    }
}
