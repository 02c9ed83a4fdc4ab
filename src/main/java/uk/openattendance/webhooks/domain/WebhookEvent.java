package uk.openattendance.webhooks.domain;

import java.util.Arrays;
import java.util.Optional;

/** What an integrator can subscribe to, by the name that travels in the X-OpenAttendance-Event header. */
public enum WebhookEvent {
    LEAVE_DECIDED("leave.decided"),
    LETTER_SENT("letter.sent");

    private final String wireName;

    WebhookEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEvent> fromWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }
}
