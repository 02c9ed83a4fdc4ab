package uk.openattendance.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.absence.app.AbsenceService;
import uk.openattendance.absence.app.ReportAbsence;
import uk.openattendance.absence.domain.ReportCategory;
import uk.openattendance.absence.domain.ReportChannel;
import uk.openattendance.notify.app.InboundTexts;
import uk.openattendance.notify.app.Outbox;
import uk.openattendance.notify.persistence.NewMessage;
import uk.openattendance.notify.persistence.OutboxStore;
import uk.openattendance.roll.app.ContactCommand;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Role;
import uk.openattendance.webhooks.app.WebhookService;
import uk.openattendance.webhooks.app.WebhookViews;

/** A front end caches records by global id and reads any of them back with node(id), within the caller's schools only. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeIT {
    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject ContactService contacts;
    @Inject AbsenceService absences;
    @Inject OutboxStore outboxStore;
    @Inject Outbox outbox;
    @Inject InboundTexts inbound;
    @Inject WebhookService webhooks;
    @Inject java.time.Clock clock;

    private static final Actor SYSTEM = Actor.system("tests");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    Api api;
    TestWorld.School ours;
    TestWorld.School theirs;
    PupilView nadia;
    PupilView other;
    String office;
    String head;
    /** One of each newer Node type per school: type name to {ours, theirs} database ids. */
    Map<String, long[]> records;

    @BeforeAll
    void twoSchoolsWithAPupilEach() {
        api = new Api(server.getURL().toString());
        ours = world.school();
        theirs = world.school();
        nadia = world.pupil(ours, "Nadia", "Nodewell");
        other = world.pupil(theirs, "Otto", "Elsewhere");
        office = world.staffLogin(api, Role.OFFICE, ours.id(), null);
        head = world.staffLogin(api, Role.HEADTEACHER, ours.id(), null);
        records = Map.of(
                "Contact", new long[] {contact(ours, nadia, "Nerys Nodewell"), contact(theirs, other, "Olga Elsewhere")},
                "AbsenceReport", new long[] {report(ours, nadia), report(theirs, other)},
                "Message", new long[] {message(ours), message(theirs)},
                "InboundMessage", new long[] {text(ours, nadia), text(theirs, other)},
                "WebhookSubscription", new long[] {webhook(ours), webhook(theirs)});
    }

    private long contact(TestWorld.School s, PupilView p, String name) {
        return contacts.addContact(SYSTEM, s.id(), p.id(), new ContactCommand(name, "Mother", true, true, 1, freeMobile(), null, Channel.SMS, false, null))
                .contactId();
    }

    private long report(TestWorld.School s, PupilView p) {
        return absences.report(SYSTEM, s.id(), new ReportAbsence(List.of(p.id()), MONDAY, Session.AM, MONDAY, Session.PM, null, ReportCategory.ILLNESS,
                "A cold", false, null), ReportChannel.PHONE_CALL).get(0).id();
    }

    /** Due tomorrow, so no dispatcher sends (and changes) it while the test reads it. */
    private long message(TestWorld.School s) {
        outboxStore.enqueue(List.of(new NewMessage(s.id(), s.id() + ":node:" + TestWorld.next(), "FIRST_DAY_ABSENCE", 1, "SMS", null, "+447700900601", null,
                "A pupil was not in school this morning", List.of(), MONDAY, null, null, clock.instant().plusSeconds(86_400))), clock.instant());
        return outbox.messages(SYSTEM, s.id(), null, null, 0, 1).get(0).id();
    }

    private long text(TestWorld.School s, PupilView p) {
        String mobile = freeMobile();
        contacts.addContact(SYSTEM, s.id(), p.id(), new ContactCommand("Texting " + p.legalSurname(), "Father", true, true, 2, mobile, null, Channel.SMS,
                false, null));
        inbound.receive("SMnode" + TestWorld.next(), mobile, "+447700900000", "Is the school trip still on on Friday?");
        return inbound.ofSchool(SYSTEM, s.id(), null, 0, 50).get(0).id();
    }

    private long webhook(TestWorld.School s) {
        return webhooks.subscribe(SYSTEM, s.id(), new WebhookViews.Subscribe("http://127.0.0.1:9/node", List.of("letter.sent"), "node")).id();
    }

    /** A number no contact in the database has yet, so a text from it is matched to one school's contact alone. */
    private String freeMobile() {
        int start = TestWorld.next();
        for (int i = 0; i < 1000; i++) {
            int n = (start + i) % 1000;
            if (contacts.contactsWithMobile(SYSTEM, String.format("+447700900%03d", n)).isEmpty()) {
                return String.format("07700 900%03d", n);
            }
        }
        throw new AssertionError("every number 07700 900000-999 is taken in this test database; drop and recreate it");
    }

    private JsonNode gql(String query) {
        var r = api.graphql(office, query);
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aPupilsGlobalIdReadsThePupilBackThroughNode() {
        JsonNode read = gql("{ pupil(schoolId: " + ours.id() + ", id: " + nadia.id() + ") { id databaseId legalSurname school { id databaseId } } }");
        assertThat(read.get("errors")).as(read.toString()).isNull();
        String id = read.at("/data/pupil/id").asText();
        assertThat(read.at("/data/pupil/databaseId").asLong()).isEqualTo(nadia.id());
        assertThat(id).isEqualTo(GlobalIds.encode("Pupil", ours.id(), nadia.id())).doesNotContain("=");
        assertThat(read.at("/data/pupil/school/id").asText()).isEqualTo(GlobalIds.encode("School", null, ours.id()));

        JsonNode node = gql("{ node(id: \"" + id + "\") { __typename id ... on Pupil { legalSurname databaseId } } }");
        assertThat(node.get("errors")).as(node.toString()).isNull();
        assertThat(node.at("/data/node/__typename").asText()).isEqualTo("Pupil");
        assertThat(node.at("/data/node/legalSurname").asText()).isEqualTo("Nodewell");
        assertThat(node.at("/data/node/id").asText()).isEqualTo(id);
    }

    @Test
    void nodeOfAnotherSchoolsPupilGivesNotFound() {
        for (String id : new String[] {GlobalIds.encode("Pupil", theirs.id(), other.id()), GlobalIds.encode("Pupil", ours.id(), other.id()),
                GlobalIds.encode("School", null, theirs.id())}) {
            JsonNode r = gql("{ node(id: \"" + id + "\") { id ... on Pupil { legalSurname } ... on School { name } } }");
            assertThat(r.at("/data/node").isNull()).as(r.toString()).isTrue();
            assertThat(r.at("/errors/0/extensions/code").asText()).isEqualTo("NOT_FOUND");
            assertThat(r.toString()).doesNotContain("Elsewhere");
        }
    }

    @Test
    void nodesAnswersEachIdInOrderWithANullAndItsErrorForOneNotFound() {
        String mine = GlobalIds.encode("Pupil", ours.id(), nadia.id());
        String foreign = GlobalIds.encode("Pupil", theirs.id(), other.id());
        JsonNode r = gql("{ nodes(ids: [\"" + mine + "\", \"" + foreign + "\", \"" + GlobalIds.encode("School", null, ours.id()) + "\"]) { __typename id } }");
        assertThat(r.at("/data/nodes/0/id").asText()).as(r.toString()).isEqualTo(mine);
        assertThat(r.at("/data/nodes/1").isNull()).isTrue();
        assertThat(r.at("/data/nodes/2/__typename").asText()).isEqualTo("School");
        assertThat(r.at("/errors/0/extensions/code").asText()).isEqualTo("NOT_FOUND");
        assertThat(r.at("/errors/0/path").toString()).isEqualTo("[\"nodes\",1]");
        assertThat(r.toString()).doesNotContain("Elsewhere");
    }

    @Test
    void somethingThatIsNotAGlobalIdIsRefusedNamingTheArgument() {
        for (String bad : new String[] {String.valueOf(nadia.id()), "not-an-id", Connections.cursor(3)}) {
            JsonNode r = gql("{ node(id: \"" + bad + "\") { id } }");
            assertThat(r.at("/errors/0/extensions/code").asText()).as(r.toString()).isEqualTo("VALIDATION_FAILED");
            assertThat(r.at("/errors/0/extensions/errors/0/field").asText()).isEqualTo("id");
        }
    }

    @Test
    void idArgumentsTakeTheGlobalIdAsWellAsTheNumber() {
        JsonNode r = gql("{ pupil(schoolId: \"" + GlobalIds.encode("School", null, ours.id()) + "\", id: \"" + GlobalIds.encode("Pupil", ours.id(), nadia.id())
                + "\") { legalSurname } pupilLetters(schoolId: " + ours.id() + ", pupilId: \"" + GlobalIds.encode("Pupil", ours.id(), nadia.id())
                + "\") { totalCount } }");
        assertThat(r.get("errors")).as(r.toString()).isNull();
        assertThat(r.at("/data/pupil/legalSurname").asText()).isEqualTo("Nodewell");
        JsonNode foreign = gql("{ pupil(schoolId: " + ours.id() + ", id: \"" + GlobalIds.encode("Pupil", theirs.id(), other.id()) + "\") { legalSurname } }");
        assertThat(foreign.at("/errors/0/extensions/code").asText()).as(foreign.toString()).isEqualTo("NOT_FOUND");
        JsonNode wrongType = gql("{ pupil(schoolId: " + ours.id() + ", id: \"" + GlobalIds.encode("Letter", ours.id(), nadia.id()) + "\") { legalSurname } }");
        assertThat(wrongType.at("/errors/0/extensions/code").asText()).as("a letter's global id is not a pupil's: " + wrongType).isEqualTo("VALIDATION_FAILED");
        assertThat(wrongType.at("/errors/0/extensions/errors/0/field").asText()).isEqualTo("id");
        assertThat(wrongType.toString()).doesNotContain("Nodewell");
    }

    @Test
    void contactsReportsMessagesTextsAndWebhooksAreNodesReadBackWithinTheCallersSchoolOnly() {
        records.forEach((type, ids) -> {
            String token = type.equals("WebhookSubscription") ? head : office;
            String mine = GlobalIds.encode(type, ours.id(), ids[0]);
            JsonNode node = api.graphql(token, "{ node(id: \"" + mine + "\") { __typename id ... on " + type + " { databaseId } } }").json();
            assertThat(node.get("errors")).as(type + " " + node).isNull();
            assertThat(node.at("/data/node/__typename").asText()).isEqualTo(type);
            assertThat(node.at("/data/node/id").asText()).isEqualTo(mine);
            assertThat(node.at("/data/node/databaseId").asLong()).isEqualTo(ids[0]);
            for (String foreign : new String[] {GlobalIds.encode(type, theirs.id(), ids[1]), GlobalIds.encode(type, ours.id(), ids[1])}) {
                JsonNode r = api.graphql(token, "{ node(id: \"" + foreign + "\") { id ... on " + type + " { databaseId } } }").json();
                assertThat(r.at("/data/node").isNull()).as(type + " of another school: " + r).isTrue();
                assertThat(r.at("/errors/0/extensions/code").asText()).isEqualTo("NOT_FOUND");
            }
        });
    }

    @Test
    void theListsGiveTheSameGlobalIdsAndTheirExactTotals() {
        long contactId = records.get("Contact")[0];
        JsonNode r = gql("{ contacts(schoolId: " + ours.id() + ", pupilId: " + nadia.id() + ") { nodes { id databaseId } } "
                + "absenceReports(schoolId: " + ours.id() + ", date: \"" + MONDAY + "\") { totalCount nodes { id databaseId } } "
                + "messages(schoolId: " + ours.id() + ", first: 1) { totalCount pageInfo { hasNextPage } nodes { id databaseId } } "
                + "inboundMessages(schoolId: " + ours.id() + ") { totalCount nodes { id } } "
                + "inboundMessage(schoolId: " + ours.id() + ", id: \"" + GlobalIds.encode("InboundMessage", ours.id(), records.get("InboundMessage")[0])
                + "\") { databaseId } }");
        assertThat(r.get("errors")).as(r.toString()).isNull();
        assertThat(r.at("/data/contacts/nodes").findValuesAsText("id")).contains(GlobalIds.encode("Contact", ours.id(), contactId));
        assertThat(r.at("/data/absenceReports/nodes/0/id").asText()).isEqualTo(GlobalIds.encode("AbsenceReport", ours.id(), records.get("AbsenceReport")[0]));
        assertThat(r.at("/data/absenceReports/totalCount").asInt()).isEqualTo(1);
        assertThat(r.at("/data/messages/nodes/0/id").asText()).isEqualTo(GlobalIds.encode("Message", ours.id(), r.at("/data/messages/nodes/0/databaseId").asLong()));
        assertThat(r.at("/data/messages/totalCount").asLong()).as("counted as REST counts its page")
                .isEqualTo(outbox.countMessages(SYSTEM, ours.id(), null, null)).isPositive();
        assertThat(r.at("/data/messages/pageInfo/hasNextPage").asBoolean()).isEqualTo(r.at("/data/messages/totalCount").asInt() > 1);
        assertThat(r.at("/data/inboundMessages/totalCount").asInt()).isEqualTo(1);
        assertThat(r.at("/data/inboundMessage/databaseId").asLong()).isEqualTo(records.get("InboundMessage")[0]);

        JsonNode hooks = api.graphql(head, "{ webhookSubscriptions(schoolId: " + ours.id() + ") { totalCount nodes { id secret } } "
                + "webhookSubscription(schoolId: " + ours.id() + ", id: " + records.get("WebhookSubscription")[0] + ") { id secret } }").json();
        assertThat(hooks.get("errors")).as(hooks.toString()).isNull();
        String hook = GlobalIds.encode("WebhookSubscription", ours.id(), records.get("WebhookSubscription")[0]);
        assertThat(hooks.at("/data/webhookSubscriptions/nodes/0/id").asText()).isEqualTo(hook);
        assertThat(hooks.at("/data/webhookSubscription/id").asText()).isEqualTo(hook);
        assertThat(hooks.at("/data/webhookSubscription/secret").asText()).as("masked, as in the list").startsWith("…");
    }

    @Test
    void oneReportMessageOrTextIsAlsoARestReadAndAnotherSchoolsIsNotFound() {
        Map<String, String> paths = Map.of("AbsenceReport", "absence-reports", "Message", "messages", "InboundMessage", "inbound-messages");
        paths.forEach((type, path) -> {
            long[] ids = records.get(type);
            var mine = api.get("/api/v1/schools/" + ours.id() + "/" + path + "/" + ids[0], office);
            assertThat(mine.status()).as(type + " " + mine.body()).isEqualTo(200);
            assertThat(mine.json().path("id").asLong()).isEqualTo(ids[0]);
            assertThat(mine.json().has("schoolId") && !type.equals("InboundMessage")).as("the school stays in the path").isFalse();
            var theirsRead = api.get("/api/v1/schools/" + ours.id() + "/" + path + "/" + ids[1], office);
            assertThat(theirsRead.status()).as(type + " of another school " + theirsRead.body()).isEqualTo(404);
        });
        JsonNode r = gql("{ absenceReport(schoolId: " + ours.id() + ", id: \"" + GlobalIds.encode("AbsenceReport", ours.id(), records.get("AbsenceReport")[0])
                + "\") { databaseId reason } message(schoolId: " + ours.id() + ", id: " + records.get("Message")[1] + ") { id } }");
        assertThat(r.at("/data/absenceReport/reason").asText()).as(r.toString()).isEqualTo("A cold");
        assertThat(r.at("/data/message").isNull()).isTrue();
        assertThat(r.at("/errors/0/extensions/code").asText()).isEqualTo("NOT_FOUND");
    }
}
