package uk.openattendance.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.openattendance.fixtures.Api;

/** What a platform team needs from the service: health, readiness, metrics and a request id to follow through the logs. */
@MicronautTest(transactional = false)
class OperationsIT {
    @Inject EmbeddedServer server;

    @Test
    void healthAndReadinessAnswerUpWithoutSignIn() {
        Api api = new Api(server.getURL().toString());
        var health = api.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(api.get("/health/readiness", null).status()).isEqualTo(200);
        assertThat(api.get("/health/liveness", null).status()).isEqualTo(200);
        assertThat(health.body()).doesNotContain("jdbc:");
    }

    @Test
    void prometheusMetricsIncludeHttpTimings() {
        Api api = new Api(server.getURL().toString());
        api.get("/health", null);
        var r = api.get("/prometheus", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("http_server_requests_seconds").contains("hikaricp_connections");
    }

    @Test
    void aCallersRequestIdIsEchoedAndOneIsMadeWhenAbsent() {
        Api api = new Api(server.getURL().toString());
        var given = api.send("GET", "/health", null, null, Map.of("X-Request-Id", "trace-abc-123"));
        assertThat(given.header("X-Request-Id")).isEqualTo("trace-abc-123");
        assertThat(api.get("/health", null).header("X-Request-Id")).isNotBlank();
    }

    @Test
    void anUnknownPathIsAProblemNotAnHtmlPage() {
        Api api = new Api(server.getURL().toString());
        var r = api.get("/api/v1/nothing-here", null);
        assertThat(r.status()).isIn(401, 404);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }
}
