package uk.openattendance.letters;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.security.Role;

/**
 * Letter wording per language, a trust's beneath a school's, and the office's exceptions, over REST: each school sees
 * its own and its trust's only, saving again replaces, and exceptions list oldest first as they were answered when recorded.
 */
@MicronautTest(transactional = false)
class LetterWordingAndExceptionsIT {
    @Inject EmbeddedServer server;
    @Inject TestWorld world;

    @Test
    void aTrustsPolishWordingIsUsedUntilItsSchoolWritesItsOwnAndNoOtherTrustsSchoolSeesEither() {
        Api api = new Api(server.getURL().toString());
        long trust = world.trust();
        TestWorld.School a = world.school(trust, "primary-gloucestershire");
        TestWorld.School other = world.school(world.trust(), "primary-gloucestershire");
        String headA = world.staffLogin(api, Role.HEADTEACHER, a.id(), null);
        String headOther = world.staffLogin(api, Role.HEADTEACHER, other.id(), null);
        String trustAdmin = world.staffLogin(api, Role.TRUST_ADMIN, null, trust);

        var t = api.put("/api/v1/trusts/" + trust + "/letter-templates/PUNCTUALITY?language=pl", trustAdmin,
                "{\"subject\":\"{{pupil.forename}} i poranny dzwonek\",\"body\":\"<p>{{pupil.forename}} spóźnia się.</p>\"}");
        assertThat(t.status()).as(t.body()).isEqualTo(200);
        assertThat(t.json().get("source").asText()).isEqualTo("TRUST");
        JsonNode fromTrust = punctuality(api, a, headA, "pl");
        assertThat(fromTrust.get("source").asText()).isEqualTo("TRUST");
        assertThat(fromTrust.get("language").asText()).isEqualTo("pl");
        assertThat(punctuality(api, a, headA, "en").get("source").asText()).as("English is untouched").isEqualTo("BUILT_IN");

        var own = api.put("/api/v1/schools/" + a.id() + "/letter-templates/PUNCTUALITY?language=pl", headA,
                "{\"subject\":\"{{pupil.forename}} i dzwonek\",\"body\":\"<p>{{pupil.forename}} się spóźnia.</p>\"}");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        var again = api.put("/api/v1/schools/" + a.id() + "/letter-templates/PUNCTUALITY?language=pl", headA,
                "{\"subject\":\"{{pupil.forename}} i szkolny dzwonek\",\"body\":\"<p>{{pupil.forename}} znowu się spóźnia.</p>\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        JsonNode mine = punctuality(api, a, headA, "pl");
        assertThat(mine.get("source").asText()).isEqualTo("SCHOOL");
        assertThat(mine.get("subject").asText()).as("saving again replaced the words").isEqualTo("{{pupil.forename}} i szkolny dzwonek");
        assertThat(mine.get("body").asText()).contains("znowu");

        JsonNode elsewhere = punctuality(api, other, headOther, "pl");
        assertThat(elsewhere.get("source").asText()).isEqualTo("BUILT_IN");
        assertThat(elsewhere.get("language").asText()).isEqualTo("en");
    }

    @Test
    void exceptionsListOldestFirstAsRecordedAndOnlyAtTheirSchool() {
        Api api = new Api(server.getURL().toString());
        TestWorld.School a = world.school();
        TestWorld.School b = world.school();
        String officeA = world.staffLogin(api, Role.OFFICE, a.id(), null);
        String officeB = world.staffLogin(api, Role.OFFICE, b.id(), null);
        PupilView ada = world.pupil(a, "Ada", "Exceptwell");
        PupilView ben = world.pupil(a, "Ben", "Exceptwell");

        var first = api.post("/api/v1/schools/" + a.id() + "/letter-exceptions", officeA, "{\"pupilId\":" + ada.id() + ",\"kind\":\"ATTENDANCE\","
                + "\"reason\":\"Known medical condition: consultant's letter on file\",\"fromDate\":\"2026-09-03\",\"toDate\":\"2027-07-21\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        var second = api.post("/api/v1/schools/" + a.id() + "/letter-exceptions", officeA, "{\"pupilId\":" + ben.id() + ",\"reason\":\" Bereavement \","
                + "\"fromDate\":\"2026-10-01\"}");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.json().get("kind").isNull()).as("no kind: every letter").isTrue();
        assertThat(second.json().get("toDate").isNull()).isTrue();
        assertThat(second.json().get("reason").asText()).isEqualTo("Bereavement");

        List<JsonNode> listed = new ArrayList<>();
        api.get("/api/v1/schools/" + a.id() + "/letter-exceptions", officeA).json().get("items").forEach(listed::add);
        assertThat(listed).containsExactly(first.json(), second.json());
        assertThat(api.get("/api/v1/schools/" + b.id() + "/letter-exceptions", officeB).json().get("items")).isEmpty();
        assertThat(api.post("/api/v1/schools/" + b.id() + "/letter-exceptions", officeB, "{\"pupilId\":" + ada.id() + ",\"reason\":\"x\"}").status())
                .as("a pupil of another school").isEqualTo(400);
    }

    private static JsonNode punctuality(Api api, TestWorld.School school, String auth, String language) {
        JsonNode items = api.get("/api/v1/schools/" + school.id() + "/letter-templates?size=200&language=" + language, auth).json().get("items");
        return StreamSupport.stream(items.spliterator(), false).filter(t -> t.get("kind").asText().equals("PUNCTUALITY")).findFirst().orElseThrow();
    }
}
