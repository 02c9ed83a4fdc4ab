package uk.openattendance.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.security.Role;
import uk.openattendance.webhooks.app.WebhookDispatcher;
import uk.openattendance.webhooks.app.WebhookService;
import uk.openattendance.webhooks.domain.WebhookEvent;
import uk.openattendance.webhooks.persistence.WebhookStore;

/** Webhooks where the operator has not allowed loopback (production): only machines on the public internet, checked by address. */
@MicronautTest(transactional = false)
@Property(name = "webhooks.allow-loopback", value = "false")
@Property(name = "test.fake-dns", value = "true")
class WebhookDestinationsIT {
    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject FakeDns dns;
    @Inject WebhookService webhooks;
    @Inject WebhookDispatcher dispatcher;
    @Inject WebhookStore store;

    @Test
    void subscriptionsToPrivateLinkLocalMetadataAndLoopbackAddressesAreRefusedNamingTheUrlFieldHoweverTheHostIsWritten() {
        TestWorld.School school = world.school();
        Api api = new Api(server.getURL().toString());
        String head = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
        String path = "/api/v1/schools/" + school.id() + "/webhooks";
        dns.point("intranet.example.org", "10.1.2.3");
        dns.point("metadata.example.org", "169.254.169.254");
        dns.point("halfway.example.org", "203.0.113.5", "192.168.0.4");
        dns.point("v6-private.example.org", "fd12:3456::7");
        dns.point("hooks.example.org", "203.0.113.10");

        List<String> refused = List.of("https://169.254.169.254/latest/meta-data/", "https://10.0.0.1/hook", "https://[fd00::1]/hook",
                "https://[::ffff:10.0.0.1]/hook", "https://[::ffff:a9fe:a9fe]/hook", "https://localhost/hook", "https://0.0.0.0/hook",
                "https://127.0.0.1:8080/hook", "https://[::1]/hook", "http://localhost:8080/hook", "https://intranet.example.org/hook",
                "https://metadata.example.org/hook", "https://halfway.example.org/hook", "https://v6-private.example.org/hook",
                "https://100.64.0.1/hook", "https://172.16.0.1/hook", "https://[fe80::1]/hook", "https://224.0.0.1/hook", "http://hooks.example.org/hook",
                "https://unresolvable.invalid/hook");
        for (String url : refused) {
            var r = api.post(path, head, "{\"url\":\"" + url + "\",\"events\":[\"leave.decided\"]}");
            assertThat(r.status()).as(url + " -> " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().at("/errors/0/field").asText()).as(url).isEqualTo("url");
        }
        var metadata = api.post(path, head, "{\"url\":\"https://metadata.example.org/hook\",\"events\":[\"leave.decided\"]}");
        assertThat(metadata.json().at("/errors/0/expected").asText()).contains("169.254.169.254").contains("metadata");

        var made = api.post(path, head, "{\"url\":\"https://hooks.example.org/hook\",\"events\":[\"leave.decided\"]}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(api.get(path, head).json().get("items").size()).as("only the public one was saved").isEqualTo(1);
    }

    @Test
    void aDeliveryIsNotMadeWhenTheSubscribersHostNowResolvesToAnAddressThatIsRefused() throws Exception {
        clock.set(LocalDateTime.of(2026, 11, 23, 10, 0), ZoneId.of("Europe/London"));
        TestWorld.School school = world.school();
        Api api = new Api(server.getURL().toString());
        String head = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket local = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread accept = new Thread(() -> {
                while (!local.isClosed()) {
                    try (Socket s = local.accept()) {
                        connections.incrementAndGet();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
            String name = "rebind-" + TestWorld.next() + ".example.org";
            dns.point(name, "203.0.113.10");
            var made = api.post("/api/v1/schools/" + school.id() + "/webhooks", head, "{\"url\":\"https://" + name + ":" + local.getLocalPort()
                    + "/hook\",\"events\":[\"leave.decided\"]}");
            assertThat(made.status()).as(made.body()).isEqualTo(201);

            dns.point(name, "127.0.0.1");
            world.approvedLeaveRequest(api, school, head, java.time.LocalDate.of(2026, 11, 23));
            dispatcher.dispatchDue();

            dns.point(name, "203.0.113.11", "169.254.169.254");
            clock.advance(java.time.Duration.ofMinutes(2));
            dispatcher.dispatchDue();

            JsonNode delivery = api.get("/api/v1/schools/" + school.id() + "/webhooks/" + made.json().get("id").asLong() + "/deliveries", head).json().get("items")
                    .get(0);
            assertThat(delivery.get("status").asText()).isEqualTo("PENDING");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
            assertThat(delivery.get("lastError").asText()).contains("169.254.169.254").contains("metadata");
            assertThat(connections.get()).as("connections made to this machine").isZero();
        }
    }

    @Test
    void subscriptionsSavedBeforeTheseRulesToThisMachineOrAPrivateAddressAreNotDeliveredTo() throws Exception {
        clock.set(LocalDateTime.of(2026, 11, 23, 11, 0), ZoneId.of("Europe/London"));
        TestWorld.School school = world.school();
        Api api = new Api(server.getURL().toString());
        String head = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket local = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread accept = new Thread(() -> {
                while (!local.isClosed()) {
                    try (Socket s = local.accept()) {
                        connections.incrementAndGet();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
            for (String url : List.of("https://127.0.0.1:" + local.getLocalPort() + "/hook", "https://[::ffff:127.0.0.1]:" + local.getLocalPort() + "/hook",
                    "https://localhost:" + local.getLocalPort() + "/hook", "http://127.0.0.1:" + local.getLocalPort() + "/hook")) {
                store.insertSubscription(new WebhookStore.SubscriptionRow(0, school.id(), url, "leave.decided", "whsec_0123456789abcdef", null, true,
                        "a subscription from before", clock.instant()));
            }
            world.approvedLeaveRequest(api, school, head, java.time.LocalDate.of(2026, 11, 23));
            dispatcher.dispatchDue();

            for (JsonNode s : api.get("/api/v1/schools/" + school.id() + "/webhooks", head).json().get("items")) {
                JsonNode delivery = api.get("/api/v1/schools/" + school.id() + "/webhooks/" + s.get("id").asLong() + "/deliveries", head).json().get("items").get(0);
                assertThat(delivery.get("status").asText()).as(s.get("url").asText()).isIn("PENDING", "FAILED");
                assertThat(delivery.get("lastError").asText()).as(s.get("url").asText()).containsAnyOf("loopback", "https://");
            }
            assertThat(connections.get()).as("connections made to this machine").isZero();
        }
    }
}
