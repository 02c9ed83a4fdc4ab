package uk.openattendance.notify.provider;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;

/**
 * The Twilio SDK's transport, with three changes: one attempt per call (the SDK's own retries resend a POST on 5xx, and
 * Twilio has no idempotency key, so one 503 can become several texts: the outbox owns retries); failures that say
 * whether the request can have reached Twilio ({@link NotSent} before it was written, {@link InDoubt} after) and when
 * Twilio asked us to come back ({@link RetryLater}); and an API address that can be a local fake in tests (STACK.md:
 * the only supported hook).
 */
final class DirectTwilioHttpClient extends HttpClient {
    private static final String TWILIO = "https://api.twilio.com";
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);
    private final String base;
    private final Duration readTimeout;
    private final java.time.Clock clock;
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DirectTwilioHttpClient(String base, Duration readTimeout, java.time.Clock clock) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.readTimeout = readTimeout;
        this.clock = clock;
    }

    /** The connection was refused or never made: Twilio cannot have seen the request, so sending again is safe. */
    static final class NotSent extends ApiConnectionException {
        NotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The request was (or may have been) written and no answer came: Twilio may have accepted it. */
    static final class InDoubt extends ApiConnectionException {
        InDoubt(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A 429 or 503 with Retry-After: refused for now, not accepted; come back after {@code after}. */
    static final class RetryLater extends RuntimeException {
        final int status;
        final Duration after;

        RetryLater(int status, Duration after, String body) {
            super("Twilio " + status + ", retry after " + after.toSeconds() + " s: " + (body.length() > 200 ? body.substring(0, 200) : body));
            this.status = status;
            this.after = after;
        }
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        String url = request.constructURL().toString();
        if (url.startsWith(TWILIO)) {
            url = base + url.substring(TWILIO.length());
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(readTimeout).header("Accept", "application/json");
        if (request.requiresAuthentication()) {
            String auth = request.getUsername() + ":" + request.getPassword();
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8)));
        }
        if (request.getMethod() == HttpMethod.POST) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
            b.POST(HttpRequest.BodyPublishers.ofString(request.encodeFormBody(), StandardCharsets.UTF_8));
        } else if (request.getMethod() == HttpMethod.DELETE) {
            b.DELETE();
        } else {
            b.GET();
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new NotSent("Twilio could not be reached (nothing was sent): " + e, e);
        } catch (IOException e) {
            // a read timeout, a reset or a closed connection once connected: the request may well have been written
            throw new InDoubt("no answer from Twilio after the request was sent (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InDoubt("interrupted while waiting for Twilio", e);
        }
        if (r.statusCode() == 429 || r.statusCode() == 503) {
            Optional<Duration> after = r.headers().firstValue("Retry-After").flatMap(v -> retryAfter(v, clock));
            if (after.isPresent()) {
                throw new RetryLater(r.statusCode(), after.get(), r.body());
            }
        }
        return new Response(r.body(), r.statusCode());
    }

    /** Retry-After as seconds or an HTTP date; at least one second, at most an hour. */
    static Optional<Duration> retryAfter(String value, java.time.Clock clock) {
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                d = Duration.between(ZonedDateTime.now(clock), ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (RuntimeException notADate) {
                return Optional.empty();
            }
        }
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            d = Duration.ofSeconds(1);
        }
        return Optional.of(d.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : d);
    }
}
