package uk.openattendance.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.fixtures.TwilioWebhook;
import uk.openattendance.followup.app.FirstDayService;
import uk.openattendance.followup.domain.Escalation;
import uk.openattendance.notify.app.Dispatcher;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.roll.app.ContactCommand;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Purpose;
import uk.openattendance.security.Role;
import uk.openattendance.security.SchoolScope;

/**
 * An integrator subscribed to every event hears of one Monday morning as it happens: the register taken, a mark
 * amended, a family's report (and the N it explained), a text for a person, a text that could not go, and a child not
 * known to be safe at escalation. Each event once, with ids and links and never a name.
 */
@MicronautTest(transactional = false)
class IntegratorEventsIT {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final Actor SYSTEM = Actor.bootstrap("tests");
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SMS = "/api/v1/webhooks/twilio/sms";

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject ContactService contacts;
    @Inject FirstDayService firstDay;
    @Inject Dispatcher outbox;
    @io.micronaut.context.annotation.Value("${datasources.default.url}") String jdbcUrl;

    record Event(String type, JsonNode data, String body) {}

    @Test
    void anIntegratorHearsOfEachStepOfTheMorningOnceWithIdsAndNeverNames() throws Exception {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(8, 50)), LONDON);
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        PupilView ada = world.pupil(school, "Adaeze", "Quillfeather");
        PupilView bea = world.pupil(school, "Beatrix", "Quillfeather");
        PupilView cai = world.pupil(school, "Caius", "Marchbank");
        parent(school, ada, "Ngozi Quillfeather");
        parent(school, bea, "Ngozi Quillfeather-Two");
        String caisMum = parent(school, cai, "Rhoswen Marchbank");
        Api api = new Api(server.getURL().toString());
        String head = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
        String office = world.staffLogin(api, Role.OFFICE, school.id(), null);
        String base = "/api/v1/schools/" + school.id();

        var made = api.post(base + "/webhooks", head, "{\"url\":\"http://127.0.0.1:9/hooks\",\"events\":[\"register.taken\",\"mark.amended\","
                + "\"absence.reported\",\"message.failed\",\"inbound.needs-review\",\"pupil.not-known-safe\"]}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long subscription = made.json().get("id").asLong();

        var taken = api.post(base + "/registers/" + MONDAY + "/AM", office, "{\"marks\":[{\"pupilId\":" + ada.id() + ",\"code\":\"/\"},{\"pupilId\":"
                + bea.id() + ",\"code\":\"N\"},{\"pupilId\":" + cai.id() + ",\"code\":\"N\"}]}");
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        var amended = api.put(base + "/pupils/" + ada.id() + "/marks/" + MONDAY + "/AM", office,
                "{\"code\":\"L\",\"minutesLate\":5,\"reason\":\"Came in after the register closed\",\"version\":1}");
        assertThat(amended.status()).as(amended.body()).isEqualTo(200);
        var reported = api.post(base + "/absence-reports", office, "{\"pupilIds\":[" + bea.id() + "],\"firstDate\":\"" + MONDAY
                + "\",\"category\":\"ILLNESS\",\"reason\":\"Mum rang: a chesty cough\"}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);

        // the school's own sending number, so the replies reach this school whatever other tests gave other numbers
        String ours = freed("+447700900957");
        assertThat(api.put(base + "/sms-sender", head, "{\"smsSender\":\"" + ours + "\"}").status()).isEqualTo(200);
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(9, 10)), LONDON);
        text(caisMum, ours, "STOP");
        text(caisMum, ours, "is this about the trip on friday?");
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(9, 20)), LONDON);
        firstDay.firstTexts(SchoolScope.forJob(Purpose.FIRST_DAY_CHAIN, school.id()), MONDAY);
        outbox.dispatchDue();
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(11, 0)), LONDON);
        firstDay.escalate(SchoolScope.forJob(Purpose.FIRST_DAY_CHAIN, school.id()), MONDAY, Escalation.AT_ESCALATION);
        // a second pass finds nothing new to announce: each event is keyed to what it reports
        firstDay.escalate(SchoolScope.forJob(Purpose.FIRST_DAY_CHAIN, school.id()), MONDAY, Escalation.AT_ESCALATION);

        List<Event> events = events(api, head, base, subscription);
        assertThat(events).extracting(Event::type).containsExactlyInAnyOrder("register.taken", "mark.amended", "mark.amended", "absence.reported",
                "inbound.needs-review", "message.failed", "pupil.not-known-safe");

        Event register = only(events, "register.taken");
        assertThat(register.data().get("marks").asInt()).isEqualTo(3);
        assertThat(register.data().get("session").asText()).isEqualTo("AM");
        assertThat(register.data().get("href").asText()).startsWith(base + "/registers/" + MONDAY + "/AM");

        assertThat(events.stream().filter(e -> e.type().equals("mark.amended")).map(e -> e.data().get("pupilId").asLong() + ":" + e.data().get("from")
                .asText() + ">" + e.data().get("to").asText())).containsExactlyInAnyOrder(ada.id() + ":/>L", bea.id() + ":N>I");
        assertThat(only(events, "absence.reported").data().get("pupilId").asLong()).isEqualTo(bea.id());
        assertThat(only(events, "absence.reported").data().get("suggestedCode").asText()).isEqualTo("I");

        Event inbound = only(events, "inbound.needs-review");
        assertThat(inbound.data().get("reasons").toString()).contains("question");

        Event failed = only(events, "message.failed");
        assertThat(failed.data().get("pupilIds").toString()).isEqualTo("[" + cai.id() + "]");
        assertThat(failed.data().get("purpose").asText()).isEqualTo("FIRST_DAY_ABSENCE");
        assertThat(failed.data().get("error").asText()).contains("opted out");

        Event notSafe = only(events, "pupil.not-known-safe");
        assertThat(notSafe.data().get("pupilId").asLong()).isEqualTo(cai.id());
        assertThat(notSafe.data().get("stage").asText()).isEqualTo(Escalation.AT_ESCALATION);

        for (Event e : events) {
            assertThat(e.body()).as("ids and links, never a name: " + e.type()).doesNotContain("Quillfeather").doesNotContain("Marchbank")
                    .doesNotContain("Caius").doesNotContain("Rhoswen");
        }
    }

    @Test
    void webhooksAreManagedOverGraphqlThroughTheSameServiceAsRest() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(8, 50)), LONDON);
        TestWorld.School school = world.school();
        Api api = new Api(server.getURL().toString());
        String head = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);

        JsonNode made = api.graphql(head, "mutation { subscribeWebhook(schoolId: \"" + school.id() + "\", url: \"http://127.0.0.1:9/hooks\", "
                + "events: [\"register.taken\", \"pupil.not-known-safe\"], description: \"MIS middleware\") { id databaseId secret events active } }").json();
        assertThat(made.at("/data/subscribeWebhook/secret").asText()).as(made.toString()).startsWith("whsec_");
        String id = made.at("/data/subscribeWebhook/id").asText();

        JsonNode refused = api.graphql(head, "mutation { subscribeWebhook(schoolId: \"" + school.id() + "\", url: \"http://127.0.0.1:9/hooks\", "
                + "events: [\"pupil.deleted\"]) { id } }").json();
        assertThat(refused.at("/errors/0/extensions/errors/0/field").asText()).as(refused.toString()).isEqualTo("events");

        JsonNode listed = api.graphql(head, "{ webhookSubscriptions(schoolId: \"" + school.id() + "\") { nodes { id secret events } } }").json();
        assertThat(listed.at("/data/webhookSubscriptions/nodes/0/id").asText()).isEqualTo(id);
        assertThat(listed.at("/data/webhookSubscriptions/nodes/0/secret").asText()).as("shown once").startsWith("…");
        assertThat(api.get("/api/v1/schools/" + school.id() + "/webhooks", head).json().get("items").at("/0/id").asText()).as("the same subscription over REST")
                .isEqualTo(made.at("/data/subscribeWebhook/databaseId").asText());
        assertThat(api.get("/api/v1/schools/" + school.id() + "/webhooks/" + made.at("/data/subscribeWebhook/databaseId").asText(), head).json().path("secret")
                .asText()).as("one subscription over REST, its secret masked as in the list").startsWith("…");

        JsonNode off = api.graphql(head, "mutation { deactivateWebhook(schoolId: \"" + school.id() + "\", id: \"" + id + "\") { active } }").json();
        assertThat(off.at("/data/deactivateWebhook/active").asBoolean()).isFalse();
        JsonNode deliveries = api.graphql(head, "{ webhookDeliveries(schoolId: \"" + school.id() + "\", subscriptionId: \"" + id + "\") { nodes { id } } }").json();
        assertThat(deliveries.at("/data/webhookDeliveries/nodes").size()).isZero();
    }

    private String parent(TestWorld.School school, PupilView child, String name) {
        String mobile = String.format("07700 900%03d", TestWorld.next() % 1000);
        contacts.addContact(SYSTEM, school.id(), child.id(), new ContactCommand(name, "Mother", true, true, 1, mobile,
                name.toLowerCase().replace(' ', '.') + "@example.org", Channel.SMS, false, null));
        return "+44" + mobile.substring(1).replace(" ", "");
    }

    /** A drama-range number no other school or trust in the test database holds as its sender. */
    private String freed(String number) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, "root", "")) {
            for (String table : List.of("school", "trust")) {
                try (java.sql.PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET sms_sender = NULL WHERE sms_sender = ?")) {
                    ps.setString(1, number);
                    ps.executeUpdate();
                }
            }
        }
        return number;
    }

    private void text(String from, String to, String body) throws Exception {
        HttpResponse<String> r = TwilioWebhook.post(server.getURL().toString(), SMS, Map.of("MessageSid", "SMev" + System.nanoTime(), "From", from,
                "To", to, "Body", body, "AccountSid", "AC00000000000000000000000000000000"), true);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static List<Event> events(Api api, String auth, String base, long subscription) throws Exception {
        Api.Response r = api.get(base + "/webhooks/" + subscription + "/deliveries", auth);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Event> out = new ArrayList<>();
        for (JsonNode d : r.json().get("items")) {
            JsonNode payload = JSON.readTree(d.get("payload").asText());
            out.add(new Event(d.get("event").asText(), payload.get("data"), d.get("payload").asText()));
        }
        return out;
    }

    private static Event only(List<Event> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).reduce((a, b) -> {
            throw new AssertionError("more than one " + type + ": " + a + " and " + b);
        }).orElseThrow(() -> new AssertionError("no " + type));
    }
}
