package uk.openattendance.security.web;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import uk.openattendance.security.StaffService;

/** Integrators authenticate with an {@code X-Api-Key} header; the lookup runs off the event loop. */
@Singleton
public class ApiKeyAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {
    public static final String HEADER = "X-Api-Key";

    private final StaffService staff;
    private final ExecutorService blocking;

    public ApiKeyAuthenticationFetcher(StaffService staff, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.staff = staff;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String key = request.getHeaders().get(HEADER);
        if (key == null) {
            return Publishers.empty();
        }
        CompletableFuture<Authentication> lookup = CompletableFuture.supplyAsync(
                () -> staff.authenticateApiKey(key.strip()).map(Authentication::build).orElse(null), blocking);
        return Publishers.fromCompletableFuture(lookup);
    }
}
