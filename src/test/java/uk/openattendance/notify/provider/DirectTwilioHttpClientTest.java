package uk.openattendance.notify.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Whether a request to Twilio can have reached it decides whether it may simply be sent again. */
class DirectTwilioHttpClientTest {
    static Request create() {
        Request r = new Request(HttpMethod.POST, "api", "/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json");
        r.addPostParam("To", "+447700900123");
        r.addPostParam("Body", "A test text");
        return r;
    }

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aRefusedConnectionMeansNothingWasSentSoTryingAgainIsSafe() throws Exception {
        DirectTwilioHttpClient client = new DirectTwilioHttpClient("http://127.0.0.1:" + closedPort(), Duration.ofSeconds(2), Clock.systemUTC());
        assertThatThrownBy(() -> client.makeRequest(create())).isInstanceOf(DirectTwilioHttpClient.NotSent.class);
    }

    @Test
    void noAnswerWithinTheReadTimeoutAfterTheRequestWasWrittenLeavesTheOutcomeUnknown() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.start();
        try {
            DirectTwilioHttpClient client = new DirectTwilioHttpClient("http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofMillis(500),
                    Clock.systemUTC());
            assertThatThrownBy(() -> client.makeRequest(create())).isInstanceOf(DirectTwilioHttpClient.InDoubt.class);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aTooManyRequestsAnswerWithRetryAfterSaysWhenToComeBack() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().add("Retry-After", "7");
            byte[] body = "{\"code\":20429,\"message\":\"Too many requests\",\"status\":429}".getBytes();
            ex.sendResponseHeaders(429, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            DirectTwilioHttpClient client = new DirectTwilioHttpClient("http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(2),
                    Clock.systemUTC());
            assertThatThrownBy(() -> client.makeRequest(create())).isInstanceOfSatisfying(DirectTwilioHttpClient.RetryLater.class,
                    e -> assertThat(e.after).isEqualTo(Duration.ofSeconds(7)));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDateAndKeptBetweenASecondAndAnHour() {
        Clock clock = Clock.fixed(java.time.Instant.parse("2026-11-23T09:15:00Z"), java.time.ZoneOffset.UTC);
        assertThat(DirectTwilioHttpClient.retryAfter("120", clock)).contains(Duration.ofMinutes(2));
        assertThat(DirectTwilioHttpClient.retryAfter("Mon, 23 Nov 2026 09:15:30 GMT", clock)).contains(Duration.ofSeconds(30));
        assertThat(DirectTwilioHttpClient.retryAfter("0", clock)).contains(Duration.ofSeconds(1));
        assertThat(DirectTwilioHttpClient.retryAfter("86400", clock)).contains(Duration.ofHours(1));
        assertThat(DirectTwilioHttpClient.retryAfter("soon", clock)).isEmpty();
    }
}
