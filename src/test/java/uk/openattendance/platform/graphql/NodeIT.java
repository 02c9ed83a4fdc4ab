package uk.openattendance.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.security.Role;

/** A front end caches records by global id and reads any of them back with node(id), within the caller's schools only. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeIT {
    @Inject EmbeddedServer server;
    @Inject TestWorld world;

    Api api;
    TestWorld.School ours;
    TestWorld.School theirs;
    PupilView nadia;
    PupilView other;
    String office;

    @BeforeAll
    void twoSchoolsWithAPupilEach() {
        api = new Api(server.getURL().toString());
        ours = world.school();
        theirs = world.school();
        nadia = world.pupil(ours, "Nadia", "Nodewell");
        other = world.pupil(theirs, "Otto", "Elsewhere");
        office = world.staffLogin(api, Role.OFFICE, ours.id(), null);
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
}
