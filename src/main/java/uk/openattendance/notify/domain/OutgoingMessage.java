package uk.openattendance.notify.domain;

import java.util.Objects;
import uk.openattendance.roll.domain.Channel;

/**
 * A text or email to one recipient on a school's behalf. {@code to} is E.164 for SMS and an address for email;
 * {@code purpose} says why it was sent (FIRST_DAY_ABSENCE, LATENESS, PRAISE...) so a school can audit what went out.
 * {@code redactedBody} is set when the body carries a secret (a one-time code): it is what may be kept or shown, while
 * {@code body} goes only to the recipient.
 */
public record OutgoingMessage(long schoolId, Channel channel, String to, String subject, String body, String purpose, String attachmentRef,
        String redactedBody) {
    public static final int SMS_MAX_LENGTH = 612; // four concatenated GSM-7 segments

    public OutgoingMessage(long schoolId, Channel channel, String to, String subject, String body, String purpose) {
        this(schoolId, channel, to, subject, body, purpose, null, null);
    }

    public OutgoingMessage(long schoolId, Channel channel, String to, String subject, String body, String purpose, String attachmentRef) {
        this(schoolId, channel, to, subject, body, purpose, attachmentRef, null);
    }

    /** The body as it may be stored or shown to staff. */
    public String shownBody() {
        return redactedBody != null ? redactedBody : body;
    }

    public OutgoingMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(purpose, "purpose");
        if (channel == Channel.SMS && body.length() > SMS_MAX_LENGTH) {
            throw new IllegalArgumentException("an SMS body is at most " + SMS_MAX_LENGTH + " characters");
        }
    }
}
