package uk.openattendance.webhooks.app;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

public final class WebhookViews {
    private WebhookViews() {}

    @Introspected
    public record Subscribe(
            @NotBlank(message = "an https:// URL to post events to") String url,
            @NotEmpty(message = "one or more of leave.decided, letter.sent, register.taken, mark.amended, absence.reported, message.failed, "
                    + "inbound.needs-review, pupil.not-known-safe") List<String> events,
            @Nullable @Size(max = 200, message = "at most 200 characters") String description) {}

    /** The secret is shown once, when the subscription is made; afterwards only its last four characters. */
    public record Subscription(long id, String url, List<String> events, String description, boolean active, String secret, String createdBy,
            Instant createdAt) {}

    public record Delivery(long id, String event, String eventId, String status, int attempts, Instant nextAttemptAt, Integer lastStatusCode,
            String lastError, Instant deliveredAt, Instant createdAt, String payload) {}
}
