package uk.openattendance.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.security.Role;

/** A third-party front end pages every list the same way: first and after, edges or nodes, pageInfo and totalCount. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionsIT {
    @Inject EmbeddedServer server;
    @Inject TestWorld world;

    Api api;
    TestWorld.School school;
    String office;
    List<Long> pupilIds = new ArrayList<>();

    @BeforeAll
    void aSchoolOfTwelvePupils() {
        api = new Api(server.getURL().toString());
        school = world.school();
        for (int i = 0; i < 12; i++) {
            pupilIds.add(world.pupil(school, "Pager" + i, "Cursor" + (char) ('A' + i)).id());
        }
        office = world.staffLogin(api, Role.OFFICE, school.id(), null);
    }

    private JsonNode pupils(String args) {
        var r = api.graphql(office, "{ school(id: " + school.id() + ") { pupils(" + args + ") { totalCount pageInfo { hasNextPage hasPreviousPage "
                + "startCursor endCursor } edges { cursor node { legalSurname } } nodes { legalSurname } } } }");
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    @Test
    void pagingAPupilsConnectionWithFirstAndAfterReachesEveryPupilOnce() {
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            JsonNode r = pupils("first: 5" + (after == null ? "" : ", after: \"" + after + "\""));
            assertThat(r.get("errors")).as(r.toString()).isNull();
            JsonNode c = r.at("/data/school/pupils");
            assertThat(c.path("totalCount").asInt()).isEqualTo(12);
            assertThat(c.at("/pageInfo/hasPreviousPage").asBoolean()).isEqualTo(pages > 0);
            assertThat(c.path("edges").size()).isEqualTo(c.path("nodes").size());
            for (int i = 0; i < c.path("edges").size(); i++) {
                assertThat(c.at("/edges/" + i + "/node/legalSurname")).isEqualTo(c.at("/nodes/" + i + "/legalSurname"));
                seen.add(c.at("/nodes/" + i + "/legalSurname").asText());
            }
            assertThat(c.at("/pageInfo/endCursor").asText()).isEqualTo(c.at("/edges/" + (c.path("edges").size() - 1) + "/cursor").asText());
            pages++;
            if (!c.at("/pageInfo/hasNextPage").asBoolean()) {
                break;
            }
            after = c.at("/pageInfo/endCursor").asText();
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(12).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aMalformedCursorGivesAFieldErrorWithTheProblemCode() {
        JsonNode r = pupils("first: 5, after: \"not-a-cursor\"");
        JsonNode ext = r.at("/errors/0/extensions");
        assertThat(ext.path("code").asText()).as(r.toString()).isEqualTo("VALIDATION_FAILED");
        assertThat(ext.path("status").asInt()).isEqualTo(400);
        assertThat(ext.at("/errors/0/field").asText()).isEqualTo("after");
        assertThat(r.at("/errors/0/path").toString()).isEqualTo("[\"school\",\"pupils\"]");
        assertThat(r.toString()).as("no pupil is answered past a bad cursor").doesNotContain("Pager");
    }

    @Test
    void firstAbove500OrBelow1IsRefusedNamingFirstAsRestNamesSize() {
        for (String first : List.of("501", "0", "-3")) {
            JsonNode r = api.graphql(office, "{ absenceReports(schoolId: " + school.id() + ", date: \"2026-11-23\", first: " + first + ") { totalCount } }").json();
            JsonNode ext = r.at("/errors/0/extensions");
            assertThat(ext.path("code").asText()).as(r.toString()).isEqualTo("VALIDATION_FAILED");
            assertThat(ext.at("/errors/0/field").asText()).isEqualTo("first");
        }
    }

    @Test
    void aConnectionWithoutFirstGivesFiftyAndSaysThereIsMore() {
        JsonNode r = api.graphql(office, "{ schools { totalCount nodes { name } pageInfo { hasNextPage } } }").json();
        assertThat(r.get("errors")).as(r.toString()).isNull();
        assertThat(r.at("/data/schools/totalCount").asInt()).isEqualTo(1);
        assertThat(r.at("/data/schools/pageInfo/hasNextPage").asBoolean()).isFalse();
    }
}
