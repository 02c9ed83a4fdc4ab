package uk.openattendance.webhooks.app;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.openattendance.platform.queue.Claim;
import uk.openattendance.platform.queue.LeasedQueue;
import uk.openattendance.platform.queue.domain.Backoff;
import uk.openattendance.webhooks.domain.WebhookSignature;
import uk.openattendance.webhooks.persistence.DeliveryStatus;
import uk.openattendance.webhooks.persistence.WebhookStore;

/**
 * Posts queued events, signed, to subscribers, one delivery per claim of the platform's leased queue. A 2xx answer delivers; anything else, or no answer, is retried with
 * growing gaps (1, 2, 4 ... minutes, capped at an hour) up to {@link #MAX_ATTEMPTS}, then the delivery is FAILED and
 * shown to the school. Redirects are not followed: a subscriber moves by changing its subscription, so a 3xx fails
 * the delivery at once. Every connection resolves the subscriber's host through {@link WebhookDestinations#checkedDns()}
 * (Apache HttpClient's DnsResolver hook): the addresses checked are the addresses connected to, while TLS still checks
 * the certificate against the host name. java.net.http has no such hook; connecting to an IP literal instead would
 * need the restricted Host header and lose SNI and host-name verification.
 */
@Singleton
public class WebhookDispatcher {
    public static final int MAX_ATTEMPTS = 8;
    static final Backoff BACKOFF = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(60), MAX_ATTEMPTS);
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private final WebhookStore store;
    private final Clock clock;
    private final WebhookDestinations destinations;
    private final CloseableHttpClient http;
    private final LeasedQueue queue;
    private final WebhookMeters meters;

    WebhookDispatcher(WebhookStore store, Clock clock, WebhookDestinations destinations, @Value("${webhooks.timeout:10s}") Duration timeout,
            LeasedQueue queue, WebhookMeters meters) {
        this.queue = queue;
        this.meters = meters;
        this.store = store;
        this.clock = clock;
        this.destinations = destinations;
        Timeout t = Timeout.of(timeout);
        // never a proxy, whatever the JVM's proxy settings: a proxy would resolve the name itself, unchecked
        this.http = HttpClients.custom()
                .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(destinations.checkedDns())
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).setResponseTimeout(t).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    @PreDestroy
    void close() throws IOException {
        http.close();
    }

    public record Pass(int delivered, int retried, int failed) {}

    /** Posts every delivery due now on this instance, waiting for them. */
    public Pass dispatchDue() {
        Map<String, Integer> n = queue.drain(WebhookStore.QUEUE, null);
        // a post that threw is tried again, as a retry
        return new Pass(n.getOrDefault(DeliveryStatus.DELIVERED.name(), 0),
                n.getOrDefault(DeliveryStatus.PENDING.name(), 0) + n.getOrDefault(LeasedQueue.ERROR, 0), n.getOrDefault(DeliveryStatus.FAILED.name(), 0));
    }

    /**
     * Posts one claimed delivery and records the answer under the claim; the queue counts the status it recorded, by
     * name, or {@code GONE} when the delivery was no longer pending.
     */
    String work(Claim claim) {
        Optional<DeliveryStatus> recorded = post(claim);
        recorded.ifPresent(status -> {
            switch (status) {
                case DELIVERED -> meters.delivery("delivered");
                case FAILED -> meters.delivery("failed");
                case PENDING -> meters.delivery("retried");
                case SENDING -> { } // not an outcome: post() records only the three above
            }
        });
        return recorded.map(DeliveryStatus::name).orElse(LeasedQueue.GONE);
    }

    /** The status recorded for the delivery, or empty when it was no longer pending and nothing was posted. */
    private Optional<DeliveryStatus> post(Claim claim) {
        Optional<WebhookStore.Claimed> pending = store.pending(claim.refId());
        if (pending.isEmpty()) {
            claim.done(null);
            return Optional.empty();
        }
        WebhookStore.Claimed c = pending.get();
        WebhookStore.DeliveryRow d = c.delivery();
        Integer code = null;
        String error;
        Optional<String> shape = destinations.shapeProblem(c.url());
        if (shape.isPresent()) {
            meters.failure("url_not_allowed");
            claim.done(() -> store.finish(d.id(), DeliveryStatus.FAILED, null, "not sent: the subscription's URL is no longer allowed (expected " + shape.get() + ")",
                    null, null));
            return Optional.of(DeliveryStatus.FAILED);
        }
        try {
            HttpPost request = new HttpPost(URI.create(c.url().trim()));
            request.setHeader("User-Agent", "OpenAttendance-Webhooks/1");
            request.setHeader("X-OpenAttendance-Event", d.eventType());
            request.setHeader("X-OpenAttendance-Delivery", d.eventId());
            request.setHeader("X-OpenAttendance-Signature", WebhookSignature.header(c.secret(), clock.instant().getEpochSecond(), d.payload()));
            request.setEntity(new StringEntity(d.payload(), ContentType.APPLICATION_JSON));
            code = http.execute(request, response -> response.getCode());
            if (code >= 200 && code < 300) {
                Integer answered = code;
                claim.done(() -> store.finish(d.id(), DeliveryStatus.DELIVERED, answered, null, null, clock.instant()));
                return Optional.of(DeliveryStatus.DELIVERED);
            }
            meters.failure(WebhookMeters.answered(code));
            if (code >= 300 && code < 400) {
                String moved = "the subscriber answered " + code + "; redirects are not followed: change the subscription to the new URL";
                Integer answered = code;
                claim.done(() -> store.finish(d.id(), DeliveryStatus.FAILED, answered, moved, null, null));
                LOG.warn("webhook delivery {} to {} failed: {}", d.id(), c.url(), moved);
                return Optional.of(DeliveryStatus.FAILED);
            }
            error = "the subscriber answered " + code;
        } catch (WebhookDestinations.Refused e) {
            // retried like no answer: the name may point back at the subscriber's server later, and each attempt checks afresh
            error = "not sent: " + e.getMessage();
            meters.failure("refused");
        } catch (IOException | IllegalArgumentException e) {
            meters.failure("no_answer");
            error = "no answer: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        int attempt = d.attempts() + 1;
        Integer answered = code;
        String why = error;
        Optional<Instant> next = BACKOFF.nextTry(attempt, clock.instant());
        if (next.isEmpty()) {
            claim.done(() -> store.finish(d.id(), DeliveryStatus.FAILED, answered, why, null, null));
            LOG.warn("webhook delivery {} to {} failed after {} attempts: {}", d.id(), c.url(), attempt, error);
            return Optional.of(DeliveryStatus.FAILED);
        }
        claim.retry(next.get(), () -> store.finish(d.id(), DeliveryStatus.PENDING, answered, why, next.get(), null));
        return Optional.of(DeliveryStatus.PENDING);
    }
}
