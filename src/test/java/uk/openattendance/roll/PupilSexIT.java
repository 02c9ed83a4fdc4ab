package uk.openattendance.roll;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.security.Role;

/** The roll records sex as the DfE census does (M or F, or not given) on every way in and out: REST, the CSV import, GraphQL. */
@MicronautTest(transactional = false)
class PupilSexIT {
    @Inject EmbeddedServer server;
    @Inject TestWorld world;

    String body(String upn, String sexField, long group) {
        return "{\"upn\":\"" + upn + "\",\"legalForename\":\"Ayesha\",\"legalSurname\":\"Censuswell\",\"dateOfBirth\":\"2017-05-01\"" + sexField
                + ",\"yearGroup\":\"4\",\"registerGroupId\":" + group + ",\"startDate\":\"2026-09-02\"}";
    }

    @Test
    void theRollTakesAndReturnsCensusSexAndNamesTheFieldWhenItIsNotMOrF() {
        Api api = new Api(server.getURL().toString());
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        String office = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
        String base = "/api/v1/schools/" + school.id() + "/pupils";
        long group = school.registerGroupIds().get(0);

        var created = api.post(base, office, body(TestWorld.upn(), ",\"sex\":\"F\"", group));
        assertThat(created.status()).as(created.body()).isIn(200, 201);
        assertThat(created.json().get("sex").asText()).isEqualTo("F");
        long id = created.json().get("id").asLong();

        var unknown = api.post(base, office, body(TestWorld.upn(), "", group));
        assertThat(unknown.status()).as(unknown.body()).isIn(200, 201);
        assertThat(unknown.json().get("sex").isNull()).isTrue();

        var wrong = api.post(base, office, body(TestWorld.upn(), ",\"sex\":\"female\"", group));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.body()).contains("sex").contains("M or F");

        var changed = api.put(base + "/" + id, office, body(created.json().get("upn").asText(), ",\"sex\":\"M\",\"version\":" + created.json().get("version").asLong(), group));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(api.get(base + "/" + id, office).json().get("sex").asText()).isEqualTo("M");

        var graph = api.graphql(office, "{ pupil(schoolId: " + school.id() + ", id: " + id + ") { sex } }");
        assertThat(graph.json().at("/data/pupil/sex").asText()).as(graph.body()).isEqualTo("M");

        // the MIS export's column, in either case of letter; anything else is named with its line
        String upnA = TestWorld.upn();
        String upnB = TestWorld.upn();
        String csv = "upn,legal_forename,legal_surname,date_of_birth,Sex,year_group,register_group,start_date\n"
                + upnA + ",Noah,Censuswell,2018-02-02,m,3,Whole school,2026-09-02\n"
                + upnB + ",Ella,Censuswell,2018-02-02,,3,Whole school,2026-09-02\n";
        var imported = api.send("POST", "/api/v1/schools/" + school.id() + "/imports/pupils", office, csv, Map.of("Content-Type", "text/csv"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        JsonNode items = api.get(base + "?size=500", office).json().get("items");
        assertThat(StreamSupport.stream(items.spliterator(), false).filter(p -> p.get("upn").asText().equals(upnA)).findFirst().orElseThrow()
                .get("sex").asText()).isEqualTo("M");
        assertThat(StreamSupport.stream(items.spliterator(), false).filter(p -> p.get("upn").asText().equals(upnB)).findFirst().orElseThrow()
                .get("sex").isNull()).isTrue();
        var bad = api.send("POST", "/api/v1/schools/" + school.id() + "/imports/pupils", office,
                "upn,legal_forename,legal_surname,date_of_birth,sex,year_group,register_group,start_date\n"
                        + TestWorld.upn() + ",Zed,Censuswell,2018-02-02,X,3,Whole school,2026-09-02\n", Map.of("Content-Type", "text/csv"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("line 2: sex").contains("M or F");
    }
}
