package uk.openattendance.letters.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import uk.openattendance.letters.app.LettersSent;

/**
 * Letters written and sent on this instance. Drafted counts what letter runs write (as drafts for staff to approve, or
 * suppressed with the reason); sent counts letters as they leave, by email or post, from the event integrators also hear.
 */
@Singleton
public class LetterMeters {
    static final List<String> DELIVERIES = List.of("EMAIL", "POST");
    private final MeterRegistry registry;

    LetterMeters(MeterRegistry registry) {
        this.registry = registry;
        drafted("draft", 0);
        drafted("suppressed", 0);
        DELIVERIES.forEach(d -> sent(d).increment(0));
    }

    public void drafted(String outcome, int n) {
        Counter.builder("attendance.letters.drafted").description("Letters written by letter runs: draft (for approval) or suppressed")
                .tag("outcome", outcome).register(registry).increment(n);
    }

    @EventListener
    void onSent(LettersSent event) {
        sent(DELIVERIES.contains(event.delivery()) ? event.delivery() : "other").increment(event.letters().size());
    }

    private Counter sent(String delivery) {
        return Counter.builder("attendance.letters.sent").description("Letters sent, by delivery (EMAIL, POST)").tag("delivery", delivery)
                .register(registry);
    }
}
