package uk.openattendance.webhooks.app;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.openattendance.webhooks.domain.WebhookSignature;
import uk.openattendance.webhooks.persistence.WebhookStore;

/**
 * Posts queued events, signed, to subscribers. A 2xx answer delivers; anything else, or no answer, is retried with
 * growing gaps (1, 2, 4 ... minutes, capped at an hour) up to {@link #MAX_ATTEMPTS}, then the delivery is FAILED and
 * shown to the school. Redirects are not followed: a subscriber moves by changing its subscription.
 */
@Singleton
public class WebhookDispatcher {
    public static final int MAX_ATTEMPTS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private final WebhookStore store;
    private final Clock clock;
    private final HttpClient http;
    private final Duration timeout;
    private final String owner = "webhooks-" + UUID.randomUUID();

    public WebhookDispatcher(WebhookStore store, Clock clock, @Value("${webhooks.timeout:10s}") Duration timeout) {
        this.store = store;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public record Pass(int delivered, int retried, int failed) {}

    public Pass dispatchDue() {
        int delivered = 0;
        int retried = 0;
        int failed = 0;
        for (int round = 0; round < 1_000; round++) {
            Instant now = clock.instant();
            List<WebhookStore.Claimed> batch = store.claim(owner, now, now.plus(LEASE), 50);
            if (batch.isEmpty()) {
                break;
            }
            for (WebhookStore.Claimed c : batch) {
                switch (post(c)) {
                    case "DELIVERED" -> delivered++;
                    case "FAILED" -> failed++;
                    default -> retried++;
                }
            }
        }
        return new Pass(delivered, retried, failed);
    }

    private String post(WebhookStore.Claimed c) {
        WebhookStore.DeliveryRow d = c.delivery();
        Integer code = null;
        String error;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(c.url())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "OpenAttendance-Webhooks/1")
                    .header("X-OpenAttendance-Event", d.eventType())
                    .header("X-OpenAttendance-Delivery", d.eventId())
                    .header("X-OpenAttendance-Signature", WebhookSignature.header(c.secret(), clock.instant().getEpochSecond(), d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload())).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            code = response.statusCode();
            if (code >= 200 && code < 300) {
                store.finish(d.id(), owner, "DELIVERED", code, null, null, clock.instant());
                return "DELIVERED";
            }
            error = "the subscriber answered " + code;
        } catch (IOException | IllegalArgumentException e) {
            error = "no answer: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        int attempt = d.attempts() + 1;
        if (attempt >= MAX_ATTEMPTS) {
            store.finish(d.id(), owner, "FAILED", code, error, null, null);
            LOG.warn("webhook delivery {} to {} failed after {} attempts: {}", d.id(), c.url(), attempt, error);
            return "FAILED";
        }
        Duration wait = Duration.ofMinutes(Math.min(60, 1L << Math.min(attempt - 1, 6)));
        store.finish(d.id(), owner, "PENDING", code, error, clock.instant().plus(wait), null);
        return "PENDING";
    }
}
