package uk.openattendance.platform.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.function.Supplier;
import uk.openattendance.platform.idempotency.IdempotentCalls;

/** Answers a creating POST with 201, replaying the first answer when the same Idempotency-Key comes again. */
@Singleton
public class Created {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final IdempotentCalls calls;

    public Created(IdempotentCalls calls) {
        this.calls = calls;
    }

    public <T> HttpResponse<?> respond(Authentication caller, String key, String operation, Object request, Supplier<T> create) {
        IdempotentCalls.Outcome<T> outcome = calls.run(caller.getName(), key, operation, request, create);
        if (outcome.replayedJson() != null) {
            return HttpResponse.created(outcome.replayedJson()).contentType(MediaType.APPLICATION_JSON_TYPE).header("Idempotent-Replayed", "true");
        }
        return HttpResponse.created(outcome.created());
    }
}
