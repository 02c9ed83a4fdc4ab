package uk.openattendance.roll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.security.Role;

/**
 * A school's MIS middleware keeps the roll in step without double entry: it upserts pupils and contacts by its own
 * ids, then pulls what changed here (pupils, contacts, marks, absence reports) page by page with a cursor.
 */
@MicronautTest(transactional = false)
@Property(name = "attendance.sync.settle", value = "0s")
class MisSyncIT {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;

    String pupil(String externalId, String upn, String forename, long groupId) {
        return "{\"externalId\":\"" + externalId + "\",\"pupil\":{\"upn\":\"" + upn + "\",\"legalForename\":\"" + forename + "\",\"legalSurname\":"
                + "\"Tregarthen\",\"dateOfBirth\":\"2017-05-01\",\"yearGroup\":\"4\",\"registerGroupId\":" + groupId + ",\"form\":\"4T\","
                + "\"startDate\":\"2026-09-02\",\"vulnerable\":false}}";
    }

    String mum(String pupilExternalId, int priority, String mobile) {
        return "{\"externalId\":\"C-77\",\"pupilExternalId\":\"" + pupilExternalId + "\",\"contact\":{\"name\":\"Morwenna Tregarthen\","
                + "\"relationship\":\"Mother\",\"parentalResponsibility\":true,\"livesWithPupil\":true,\"priority\":" + priority + ",\"mobile\":\""
                + mobile + "\",\"email\":\"morwenna.tregarthen@example.org\"}}";
    }

    @Test
    void anMisUpsertsTheRollByItsOwnIdsAndPullsEveryChangeOnceWithACursor() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(8, 40)), LONDON);
        TestWorld.School school = world.school();
        long group = school.registerGroupIds().get(0);
        PupilView already = world.pupil(school, "Senara", "Tregarthen");
        Api api = new Api(server.getURL().toString());
        String head = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
        String base = "/api/v1/schools/" + school.id();
        String upnA = TestWorld.upn();
        String upnB = TestWorld.upn();
        String body = "{\"pupils\":[" + pupil("MIS-1", upnA, "Jowan", group) + "," + pupil("MIS-2", upnB, "Elowen", group) + ","
                + pupil("MIS-3", already.upn(), "Senara", group) + "]}";

        Api.Response first = api.post(base + "/pupils/bulk-upsert", head, body);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(2);
        assertThat(first.json().at("/ids/MIS-3").asLong()).as("the pupil already on the roll is matched by UPN").isEqualTo(already.id());
        Api.Response again = api.post(base + "/pupils/bulk-upsert", head, body);
        assertThat(again.json().get("unchanged").asInt()).as("the same body twice changes nothing").isEqualTo(3);

        Api.Response refused = api.post(base + "/pupils/bulk-upsert", head, "{\"pupils\":[" + pupil("MIS-4", TestWorld.upn(), "Kitto",
                world.school().registerGroupIds().get(0)) + "," + pupil("MIS-1", upnB, "Jowan", group) + "]}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().findValuesAsText("field")).contains("pupils[0].pupil.registerGroupId", "pupils[1].pupil.upn");

        long jowan = first.json().at("/ids/MIS-1").asLong();
        long elowen = first.json().at("/ids/MIS-2").asLong();
        Api.Response contacts = api.post(base + "/contacts/bulk-upsert", head, "{\"contacts\":[" + mum("MIS-1", 1, "07700 900611") + ","
                + mum("MIS-2", 1, "07700 900611") + "]}");
        assertThat(contacts.status()).as(contacts.body()).isEqualTo(200);
        assertThat(contacts.json().get("created").asInt()).as("one person, a link to each child").isEqualTo(2);
        long person = contacts.json().at("/ids/C-77").asLong();

        // the MIS's first pull: everything so far, two pages of two
        List<JsonNode> pupils = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 5; page++) {
            Api.Response r = api.get(base + "/changes/pupils?size=2" + (cursor == null ? "" : "&cursor=" + cursor), head);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode p = r.json();
            p.get("items").forEach(pupils::add);
            cursor = p.get("nextCursor").asText();
            if (p.get("complete").asBoolean()) {
                break;
            }
        }
        assertThat(pupils).extracting(p -> p.at("/pupil/id").asLong()).containsExactlyInAnyOrder(already.id(), jowan, elowen);
        assertThat(pupils).extracting(p -> p.get("externalId").asText()).containsExactlyInAnyOrder("MIS-1", "MIS-2", "MIS-3");
        JsonNode nothing = api.get(base + "/changes/pupils?cursor=" + cursor, head).json();
        assertThat(nothing.get("items").size()).as("a cursor replayed finds nothing new").isZero();
        assertThat(nothing.get("nextCursor").asText()).as("and stays where it was").isEqualTo(cursor);

        api.post(base + "/pupils/bulk-upsert", head, "{\"pupils\":[" + pupil("MIS-2", upnB, "Elowena", group) + "]}");
        JsonNode renamed = api.get(base + "/changes/pupils?cursor=" + cursor, head).json();
        assertThat(renamed.get("items")).extracting(p -> p.at("/pupil/legalForename").asText()).containsExactly("Elowena");

        String contactCursor = api.get(base + "/changes/contacts", head).json().get("nextCursor").asText();
        Api.Response moved = api.post(base + "/contacts/bulk-upsert", head, "{\"contacts\":[" + mum("MIS-1", 1, "07700 900612") + "]}");
        assertThat(moved.json().at("/ids/C-77").asLong()).as("the MIS's id keeps the person when the number changes").isEqualTo(person);
        JsonNode links = api.get(base + "/changes/contacts?cursor=" + contactCursor, head).json();
        assertThat(links.get("items")).as("the person's new number reaches both children's links").extracting(l -> l.get("pupilExternalId").asText())
                .containsExactlyInAnyOrder("MIS-1", "MIS-2");
        assertThat(links.get("items")).extracting(l -> l.at("/contact/mobile").asText()).containsOnly("+447700900612");

        String office = world.staffLogin(api, Role.OFFICE, school.id(), null);
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(8, 55)), LONDON);
        Api.Response taken = api.post(base + "/registers/" + MONDAY + "/AM", office, "{\"marks\":[{\"pupilId\":" + jowan + ",\"code\":\"/\"},"
                + "{\"pupilId\":" + elowen + ",\"code\":\"N\"}]}");
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        Api.Response reported = api.post(base + "/absence-reports", office, "{\"pupilIds\":[" + elowen + "],\"firstDate\":\"" + MONDAY
                + "\",\"category\":\"ILLNESS\",\"reason\":\"Tummy bug\"}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        JsonNode marks = api.get(base + "/changes/marks", head).json();
        assertThat(marks.get("items")).extracting(m -> m.get("pupilExternalId").asText() + " " + m.get("code").asText()).containsExactly("MIS-1 /",
                "MIS-2 N", "MIS-2 I");
        JsonNode reports = api.get(base + "/changes/absence-reports", head).json();
        assertThat(reports.get("items")).extracting(r -> r.get("pupilExternalId").asText() + " " + r.at("/report/marksExplained").asInt())
                .containsExactly("MIS-2 1");

        assertThat(api.get(base + "/changes/marks?cursor=not-a-cursor", head).json().at("/errors/0/field").asText()).isEqualTo("cursor");
        TestWorld.School other = world.school();
        String stranger = world.staffLogin(api, Role.HEADTEACHER, other.id(), null);
        assertThat(api.get(base + "/changes/pupils", stranger).status()).as("another school's staff").isIn(403, 404);
        assertThat(api.post(base + "/pupils/bulk-upsert", stranger, body).status()).isIn(403, 404);
    }
}
