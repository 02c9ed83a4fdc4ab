package uk.openattendance.notify.app;

import uk.openattendance.notify.domain.OutgoingMessage;

/** Where outgoing messages go: stored for reading (embedded default, tests) or sent through Twilio and SMTP. */
public interface MessageSink {
    /** Returns an id the sink gives the message (a stored id, or a provider's message id). */
    String deliver(OutgoingMessage message);
}
