package uk.openattendance.notify.provider;

import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The Twilio SDK's transport, with two changes: one attempt per call (the SDK's own retries resend a POST on 5xx, and
 * Twilio has no idempotency key, so one 503 can become several texts: the outbox owns retries), and an API address
 * that can be a local fake in tests (STACK.md: the only supported hook).
 */
final class DirectTwilioHttpClient extends HttpClient {
    private static final String TWILIO = "https://api.twilio.com";
    private final String base;
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DirectTwilioHttpClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
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
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).header("Accept", "application/json");
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
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.body(), r.statusCode());
        } catch (IOException e) {
            throw new com.twilio.exception.ApiConnectionException("Twilio could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new com.twilio.exception.ApiConnectionException("interrupted", e);
        }
    }
}
