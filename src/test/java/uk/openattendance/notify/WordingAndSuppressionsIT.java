package uk.openattendance.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.security.Role;

/**
 * A school's wording per language, its approval of our machine-made wording and its do-not-message list, over REST:
 * each school sees and changes only its own rows, saving again replaces, and the list comes back in the order it was made.
 */
@MicronautTest(transactional = false)
class WordingAndSuppressionsIT {
    @Inject EmbeddedServer server;
    @Inject TestWorld world;

    @Test
    void aSchoolsWordingInPolishIsItsOwnUntilResetAndItsApprovalOfOursHoldsUntilTheWordsChange() {
        Api api = new Api(server.getURL().toString());
        TestWorld.School a = world.school();
        TestWorld.School b = world.school();
        String headA = world.staffLogin(api, Role.HEADTEACHER, a.id(), null);
        String headB = world.staffLogin(api, Role.HEADTEACHER, b.id(), null);
        String path = "/api/v1/schools/" + a.id() + "/message-templates/FIRST_DAY_ABSENCE?language=pl";

        JsonNode shipped = polish(api, a, headA);
        assertThat(shipped.get("schoolWording").asBoolean()).isFalse();
        assertThat(shipped.get("machineMade").asBoolean()).isTrue();
        assertThat(shipped.get("needsReview").asBoolean()).isTrue();

        var reviewed = api.post("/api/v1/schools/" + a.id() + "/message-templates/FIRST_DAY_ABSENCE/review?language=pl", headA, "{}");
        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        assertThat(reviewed.json().get("needsReview").asBoolean()).isFalse();
        assertThat(reviewed.json().get("reviewedBy").asText()).isNotBlank();
        // approving again replaces the approval rather than failing on the one already there
        assertThat(api.post("/api/v1/schools/" + a.id() + "/message-templates/FIRST_DAY_ABSENCE/review?language=pl", headA, "{}").status()).isEqualTo(200);
        assertThat(polish(api, a, headA).get("needsReview").asBoolean()).isFalse();
        assertThat(polish(api, b, headB).get("needsReview").asBoolean()).as("school B approved nothing").isTrue();

        var saved = api.put(path, headA, "{\"subject\":\"{{children}} nieobecny\",\"body\":\"{{school}}: {{children}} nieobecny dzisiaj ({{date}}).\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        var again = api.put(path, headA, "{\"subject\":null,\"body\":\"{{school}}: {{children}} - nieobecność dzisiaj ({{date}}).\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        JsonNode own = polish(api, a, headA);
        assertThat(own.get("schoolWording").asBoolean()).isTrue();
        assertThat(own.get("body").asText()).isEqualTo("{{school}}: {{children}} - nieobecność dzisiaj ({{date}}).");
        assertThat(own.get("subject").isNull()).as("saving again replaced the subject too").isTrue();
        assertThat(own.get("needsReview").asBoolean()).isFalse();
        assertThat(polish(api, b, headB).get("schoolWording").asBoolean()).as("school B keeps our wording").isFalse();
        assertThat(api.put("/api/v1/schools/" + a.id() + "/message-templates/FIRST_DAY_ABSENCE?language=pl", headB, "{\"body\":\"{{children}}\"}")
                .status()).as("another school's head cannot write A's wording").isIn(403, 404);

        // a school that writes its own wording in a language we do not ship has that language listed
        assertThat(api.put("/api/v1/schools/" + a.id() + "/message-templates/FIRST_DAY_ABSENCE?language=so", headA,
                "{\"body\":\"{{school}}: {{children}} maanta ma joogo ({{date}}).\"}").status()).isEqualTo(200);
        var all = api.get("/api/v1/schools/" + a.id() + "/message-templates?size=200", headA).json().get("items");
        assertThat(StreamSupport.stream(all.spliterator(), false).filter(t -> t.get("language").asText().equals("so")).map(t -> t.get("purpose").asText()))
                .contains("FIRST_DAY_ABSENCE");

        var reset = api.send("DELETE", path, headA, null, Map.of());
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.json().get("schoolWording").asBoolean()).isFalse();
        assertThat(reset.json().get("needsReview").asBoolean()).as("the approval of our wording stood through the school's own").isFalse();
        assertThat(polish(api, a, headA).get("schoolWording").asBoolean()).isFalse();
    }

    @Test
    void aSchoolsDoNotMessageListIsItsOwnInTheOrderItWasMadeAndAnAddressIsListedOnce() {
        Api api = new Api(server.getURL().toString());
        TestWorld.School a = world.school();
        TestWorld.School b = world.school();
        String officeA = world.staffLogin(api, Role.OFFICE, a.id(), null);
        String officeB = world.staffLogin(api, Role.OFFICE, b.id(), null);
        String base = "/api/v1/schools/" + a.id() + "/suppressions";
        int n = 700 + TestWorld.next() % 290;
        String first = String.format("07700 900%03d", n);
        String second = "quiet.parent" + n + "@example.org";

        assertThat(api.post(base, officeA, "{\"address\":\"" + first + "\",\"reason\":\"Asked by phone\"}").status()).isEqualTo(201);
        assertThat(api.post(base, officeA, "{\"address\":\"" + second.toUpperCase() + "\"}").status()).isEqualTo(201);
        var twice = api.post(base, officeA, "{\"address\":\"" + first + "\",\"reason\":\"Asked again\"}");
        assertThat(twice.status()).as("listing an address again is not an error").isEqualTo(201);

        List<String> listed = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        api.get(base, officeA).json().get("items").forEach(s -> {
            if (s.get("scope").asText().equals("THIS_SCHOOL")) {
                listed.add(s.get("address").asText());
                reasons.add(s.get("reason").asText());
            }
        });
        String e164 = String.format("+447700900%03d", n);
        assertThat(listed).containsExactly(e164, second);
        assertThat(reasons).as("the first reason stands").containsExactly("Asked by phone", "asked not to be messaged");
        assertThat(api.get("/api/v1/schools/" + b.id() + "/suppressions", officeB).json().get("items").toString()).doesNotContain(e164);
        assertThat(api.send("DELETE", "/api/v1/schools/" + b.id() + "/suppressions/" + e164.replace("+", "%2B"), officeB, null, Map.of()).status())
                .as("school B cannot lift A's listing: it has none of its own").isEqualTo(404);

        assertThat(api.send("DELETE", base + "/" + e164.replace("+", "%2B"), officeA, null, Map.of()).status()).isIn(200, 204);
        assertThat(api.send("DELETE", base + "/" + e164.replace("+", "%2B"), officeA, null, Map.of()).status()).isEqualTo(404);
        assertThat(api.get(base, officeA).json().get("items").toString()).doesNotContain(e164).contains(second);
    }

    private static JsonNode polish(Api api, TestWorld.School school, String auth) {
        JsonNode items = api.get("/api/v1/schools/" + school.id() + "/message-templates?language=pl&size=200", auth).json().get("items");
        return StreamSupport.stream(items.spliterator(), false).filter(t -> t.get("purpose").asText().equals("FIRST_DAY_ABSENCE")).findFirst().orElseThrow();
    }
}
