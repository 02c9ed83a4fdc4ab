package uk.openattendance.webhooks.app;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

public final class WebhookViews {
    private WebhookViews() {}

    @Introspected
    @Schema(example = "{\"url\": \"https://mis-bridge.example.org/hooks/attendance\", \"events\": [\"register.taken\", \"mark.amended\"], \"description\": \"MIS write-back\"}")
    public record Subscribe(
            @NotBlank(message = "an https:// URL to post events to") String url,
            @NotEmpty(message = "one or more of leave.decided, letter.sent, register.taken, mark.amended, absence.reported, message.failed, "
                    + "inbound.needs-review, pupil.not-known-safe") List<String> events,
            @Nullable @Size(max = 200, message = "at most 200 characters") String description) {}

    /** The secret is shown once, when the subscription is made; afterwards only its last four characters. */
    @Schema(example = "{\"id\": 6, \"url\": \"https://mis-bridge.example.org/hooks/attendance\", \"events\": [\"register.taken\", \"mark.amended\"], \"description\": \"MIS write-back\", \"active\": true, \"secret\": \"whsec_8b1e4f0c2d6a\", \"createdBy\": \"head@example.org\", \"createdAt\": \"2026-11-20T16:03:00Z\"}")
    public record Subscription(long id, String url, List<String> events, String description, boolean active, String secret, String createdBy,
            Instant createdAt,
            /* whose subscription it is, for its GraphQL global id; REST's path names the school already */
            @com.fasterxml.jackson.annotation.JsonIgnore @Schema(hidden = true) long schoolId) {}

    @Schema(example = "{\"id\": 9021, \"event\": \"mark.amended\", \"eventId\": \"evt_5d0c2a9e7b41\", \"status\": \"DELIVERED\", \"attempts\": 2, \"nextAttemptAt\": null, \"lastStatusCode\": 200, \"lastError\": \"First attempt: HTTP 503 from the receiver\", \"deliveredAt\": \"2026-11-23T09:48:30Z\", \"createdAt\": \"2026-11-23T09:47:01Z\", \"payload\": \"{\\\"event\\\":\\\"mark.amended\\\",\\\"schoolId\\\":3,\\\"pupilId\\\":42,\\\"date\\\":\\\"2026-11-23\\\",\\\"session\\\":\\\"AM\\\",\\\"code\\\":\\\"I\\\"}\"}")
    public record Delivery(long id, String event, String eventId, String status, int attempts, @Nullable Instant nextAttemptAt, Integer lastStatusCode,
            String lastError, Instant deliveredAt, Instant createdAt, String payload) {}
}
