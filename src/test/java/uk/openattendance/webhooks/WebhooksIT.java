package uk.openattendance.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.roll.app.ContactCommand;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Role;
import uk.openattendance.webhooks.app.WebhookDispatcher;
import uk.openattendance.webhooks.app.WebhookService;
import uk.openattendance.webhooks.domain.WebhookEvent;

/** Integrators hear of leave decisions and letters sent by signed POSTs to their own server, retried until it answers. */
@MicronautTest(transactional = false)
@Property(name = "test.fake-dns", value = "true")
class WebhooksIT {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final Actor SYSTEM = Actor.bootstrap("tests");
    static final ObjectMapper JSON = new ObjectMapper();

    record Received(String event, String delivery, String signature, String body) {}

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject ContactService contacts;
    @Inject WebhookDispatcher dispatcher;
    @Inject WebhookService webhooks;
    @Inject FakeDns dns;
    @Inject uk.openattendance.notify.app.Dispatcher outbox;

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final Deque<Integer> answers = new ArrayDeque<>();
    final List<String> internalHits = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/attendance", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-OpenAttendance-Event"),
                    exchange.getRequestHeaders().getFirst("X-OpenAttendance-Delivery"), exchange.getRequestHeaders().getFirst("X-OpenAttendance-Signature"),
                    body));
            Integer status;
            synchronized (answers) {
                status = answers.poll();
            }
            exchange.sendResponseHeaders(status == null ? 204 : status, -1);
            exchange.close();
        });
        receiver.createContext("/hooks/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/internal/admin");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        receiver.createContext("/internal", exchange -> {
            internalHits.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void close() {
        receiver.stop(0);
    }

    String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/attendance";
    }

    /** What an integrator writes from our documentation alone, without our code: HMAC-SHA256 over "t.body". */
    static boolean signedWith(String secret, Received r) throws Exception {
        String t = r.signature().split(",")[0].substring(2);
        String v1 = r.signature().split(",")[1].substring(3);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((t + "." + r.body()).getBytes(StandardCharsets.UTF_8))).equals(v1);
    }

    @Test
    void aLeaveDecisionAndItsLetterReachTheIntegratorSignedAndARefusedDeliveryIsRetriedUntilAccepted() throws Exception {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(8, 30)), LONDON);
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        PupilView pupil = world.pupil(school, "Efa", "Hooked");
        ContactView mother = contacts.addContact(SYSTEM, school.id(), pupil.id(), new ContactCommand("Llinos Hooked", "Mother", true, true, 1,
                String.format("07700 900%03d", TestWorld.next() % 1000), "llinos.hooked@example.org", Channel.SMS, false, null));
        Api api = new Api(server.getURL().toString());
        String head = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
        String office = world.staffLogin(api, Role.OFFICE, school.id(), null);
        String base = "/api/v1/schools/" + school.id();

        assertThat(api.post(base + "/webhooks", office, "{\"url\":\"" + hookUrl() + "\",\"events\":[\"leave.decided\"]}").status()).isEqualTo(403);
        var unknown = api.post(base + "/webhooks", head, "{\"url\":\"" + hookUrl() + "\",\"events\":[\"pupil.deleted\"]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("events");
        var plain = api.post(base + "/webhooks", head, "{\"url\":\"http://integrator.example.org/hook\",\"events\":[\"letter.sent\"]}");
        assertThat(plain.json().at("/errors/0/field").asText()).isEqualTo("url");

        var made = api.post(base + "/webhooks", head, "{\"url\":\"" + hookUrl() + "\",\"events\":[\"leave.decided\",\"letter.sent\"],"
                + "\"description\":\"MIS sync\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String secret = made.json().get("secret").asText();
        long subscription = made.json().get("id").asLong();
        assertThat(secret).startsWith("whsec_");
        assertThat(api.get(base + "/webhooks", head).json().get("items").at("/0/secret").asText()).as("shown once").doesNotContain(secret);

        var req = api.post(base + "/leave-requests", office, "{\"pupilId\":" + pupil.id() + ",\"ground\":\"INTERVIEW\",\"firstDate\":\""
                + MONDAY.plusWeeks(3) + "\",\"lastDate\":\"" + MONDAY.plusWeeks(3) + "\",\"reason\":\"Interview at a specialist music school\","
                + "\"requesterContactId\":" + mother.contactId() + "}").json();
        synchronized (answers) {
            answers.add(500);
        }
        var decided = api.post(base + "/leave-requests/" + req.get("id").asLong() + "/decision", head, "{\"outcome\":\"APPROVE\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(api.get(base + "/webhooks/" + subscription + "/deliveries", head).json().get("items").findValuesAsText("event"))
                .as("letter.sent waits until the email is accepted").containsExactly("leave.decided");
        outbox.dispatchDue();

        WebhookDispatcher.Pass first = dispatcher.dispatchDue();
        assertThat(first.delivered() + first.retried()).isEqualTo(2);
        assertThat(first.retried()).as("the subscriber's first answer was 500").isEqualTo(1);
        assertThat(dispatcher.dispatchDue().delivered()).as("nothing more is due until the backoff passes").isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(dispatcher.dispatchDue().delivered()).isEqualTo(1);
        assertThat(dispatcher.dispatchDue().delivered()).as("delivered once, never again").isZero();

        assertThat(received).hasSize(3);
        for (Received r : received) {
            assertThat(signedWith(secret, r)).as(r.body()).isTrue();
        }
        List<String> events = received.stream().map(Received::event).distinct().toList();
        assertThat(events).containsExactlyInAnyOrder("leave.decided", "letter.sent");
        Received leave = received.stream().filter(r -> r.event().equals("leave.decided")).reduce((a, b) -> b).orElseThrow();
        JsonNode payload = JSON.readTree(leave.body());
        assertThat(payload.at("/data/leaveRequestId").asLong()).isEqualTo(req.get("id").asLong());
        assertThat(payload.at("/data/status").asText()).isEqualTo("APPROVED");
        assertThat(payload.get("id").asText()).isEqualTo(leave.delivery());
        assertThat(leave.body()).as("ids and links, never a child's name").doesNotContain("Efa").doesNotContain("Hooked");
        JsonNode letter = JSON.readTree(received.stream().filter(r -> r.event().equals("letter.sent")).findFirst().orElseThrow().body());
        assertThat(letter.at("/data/kind").asText()).isEqualTo("LEAVE_DECISION");
        assertThat(letter.at("/data/delivery").asText()).isEqualTo("EMAIL");

        JsonNode deliveries = api.get(base + "/webhooks/" + subscription + "/deliveries", head).json().get("items");
        assertThat(deliveries.size()).isEqualTo(2);
        assertThat(deliveries.findValuesAsText("status")).containsOnly("DELIVERED");
        assertThat(deliveries.findValuesAsText("attempts")).containsExactlyInAnyOrder("1", "2");

        assertThat(api.send("DELETE", base + "/webhooks/" + subscription, head, null, java.util.Map.of()).status()).isEqualTo(200);
        assertThat(api.get(base + "/webhooks/" + subscription + "/deliveries", office).status()).isEqualTo(403);
        TestWorld.School other = world.school();
        String otherHead = world.staffLogin(api, Role.HEADTEACHER, other.id(), null);
        assertThat(api.get("/api/v1/schools/" + other.id() + "/webhooks/" + subscription + "/deliveries", otherHead).status()).isEqualTo(404);
    }

    @Test
    void aSubscriberAnsweringWithARedirectToAnInternalAddressIsNotFollowedAndTheDeliveryFailsAtOnce() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(9, 0)), LONDON);
        TestWorld.School school = world.school();
        Api api = new Api(server.getURL().toString());
        String head = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
        String base = "/api/v1/schools/" + school.id();
        var made = api.post(base + "/webhooks", head, "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/hooks/moved\",\"events\":[\"leave.decided\"]}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);

        world.approvedLeaveRequest(api, school, head, MONDAY);
        dispatcher.dispatchDue();
        clock.advance(Duration.ofHours(3));
        dispatcher.dispatchDue();

        assertThat(internalHits).as("requests that followed the redirect").isEmpty();
        JsonNode delivery = api.get(base + "/webhooks/" + made.json().get("id").asLong() + "/deliveries", head).json().get("items").get(0);
        assertThat(delivery.get("status").asText()).isEqualTo("FAILED");
        assertThat(delivery.get("attempts").asInt()).as("a redirect is not retried: the subscription must change").isEqualTo(1);
        assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(302);
        assertThat(delivery.get("lastError").asText()).contains("redirect");
    }

    @Test
    void aDeliveryConnectsToTheAddressTheNameWasCheckedAs() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(9, 0)), LONDON);
        TestWorld.School school = world.school();
        Api api = new Api(server.getURL().toString());
        String head = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
        String base = "/api/v1/schools/" + school.id();
        String name = "pinned-" + TestWorld.next() + ".example.org";
        dns.point(name, "127.0.0.1");
        var made = api.post(base + "/webhooks", head, "{\"url\":\"http://" + name + ":" + receiver.getAddress().getPort()
                + "/hooks/attendance\",\"events\":[\"leave.decided\"]}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);

        world.approvedLeaveRequest(api, school, head, MONDAY);
        dispatcher.dispatchDue();

        JsonNode delivery = api.get(base + "/webhooks/" + made.json().get("id").asLong() + "/deliveries", head).json().get("items").get(0);
        assertThat(delivery.get("status").asText()).as(delivery.toString()).isEqualTo("DELIVERED");
        assertThat(received).as("the name is known only to the service's resolver, which the connection used").hasSize(1);

        dns.point(name, "10.0.0.1");
        var refused = api.post(base + "/webhooks", head, "{\"url\":\"http://" + name + ":" + receiver.getAddress().getPort()
                + "/hooks/attendance\",\"events\":[\"leave.decided\"]}");
        assertThat(refused.status()).as("loopback allowed for development; private addresses still refused").isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("url");
    }
}
