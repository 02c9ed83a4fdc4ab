package uk.openattendance.webhooks.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Webhook posts made by this instance: each delivery's outcome (delivered, retried, failed for good) and each failed
 * attempt's reason (the subscriber's answer by class, no answer, a refused address, a URL no longer allowed).
 */
@Singleton
class WebhookMeters {
    static final List<String> OUTCOMES = List.of("delivered", "retried", "failed");
    static final List<String> REASONS = List.of("http_3xx", "http_4xx", "http_5xx", "http_other", "no_answer", "refused", "url_not_allowed");
    private final MeterRegistry registry;

    WebhookMeters(MeterRegistry registry) {
        this.registry = registry;
        OUTCOMES.forEach(o -> deliveries(o).increment(0));
        REASONS.forEach(r -> failures(r).increment(0));
    }

    void delivery(String outcome) {
        deliveries(outcome).increment();
    }

    void failure(String reason) {
        failures(reason).increment();
    }

    static String answered(int code) {
        return code >= 500 ? "http_5xx" : code >= 400 ? "http_4xx" : code >= 300 ? "http_3xx" : "http_other";
    }

    private Counter deliveries(String outcome) {
        return Counter.builder("attendance.webhook.deliveries").description("Webhook delivery attempts by outcome: delivered, retried, failed (for good)")
                .tag("outcome", outcome).register(registry);
    }

    private Counter failures(String reason) {
        return Counter.builder("attendance.webhook.delivery.failures").description("Failed webhook attempts by reason").tag("reason", reason)
                .register(registry);
    }
}
