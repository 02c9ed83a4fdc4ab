package uk.openattendance.webhooks.domain;

import java.util.Arrays;
import java.util.Optional;

/** What an integrator can subscribe to, by the name that travels in the X-OpenAttendance-Event header. */
public enum WebhookEvent {
    LEAVE_DECIDED("leave.decided"),
    /** When the SMTP server accepts the first email carrying the letter, or when its printed copy is made. */
    LETTER_SENT("letter.sent"),
    /** The first marks of a register group's session (not a CSV import of past marks). */
    REGISTER_TAKEN("register.taken"),
    /** A mark changed after it was first recorded, by a person or by the system (a report explaining an N, N to O). */
    MARK_AMENDED("mark.amended"),
    /** A family's or the office's absence report, one event per report (each child has its own). */
    ABSENCE_REPORTED("absence.reported"),
    /** A text or email to a family that will not reach that recipient; {@code nextTried} says whether another contact or channel was queued. */
    MESSAGE_FAILED("message.failed"),
    /** An inbound text filed for a person to read. */
    INBOUND_NEEDS_REVIEW("inbound.needs-review"),
    /** A child still not known to be safe when the designated lead is alerted. */
    PUPIL_NOT_KNOWN_SAFE("pupil.not-known-safe");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Every wire name, for error messages and the contract. */
    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(WebhookEvent::wireName).toList());
    }

    public static Optional<WebhookEvent> fromWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }
}
