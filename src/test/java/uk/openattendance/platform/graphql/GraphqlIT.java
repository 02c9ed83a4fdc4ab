package uk.openattendance.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.OwnStatementCount;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.security.Role;

/** A front end asking for a class with every pupil's contacts costs a fixed handful of SQL statements, not one per pupil. */
@MicronautTest(transactional = false)
@Property(name = OwnStatementCount.PROPERTY, value = OwnStatementCount.VALUE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphqlIT {
    private static final String NESTED = "{ school(id: %d) { name registerGroups { nodes { name } } pupils(first: %d) { totalCount nodes { legalSurname "
            + "registerGroup { name am { opensAt lateAfter } school { urn } } contacts { name mobile relationship } school { name } } } } }";

    @Inject EmbeddedServer server;
    @Inject TestWorld world;

    Api api;
    TestWorld.School small;
    TestWorld.School large;
    String office;
    String officeLarge;

    @BeforeAll
    void aSchoolOfThirtyPupilsEachWithTwoContactsAndOneOfTen() {
        api = new Api(server.getURL().toString());
        small = world.school();
        large = world.school();
        for (int i = 0; i < 10; i++) {
            PupilView p = world.pupil(small, "Pupil" + i, "Small" + i);
            world.parent(small, p, "Parent Small" + i, 100 + i);
        }
        for (int i = 0; i < 30; i++) {
            PupilView p = world.pupil(large, "Pupil" + i, "Large" + i);
            world.parent(large, p, "Parent Large" + i, 200 + i);
            world.parent(large, p, "Carer Large" + i, 300 + i, 2);
        }
        office = world.staffLogin(api, Role.OFFICE, small.id(), null);
        officeLarge = world.staffLogin(api, Role.OFFICE, large.id(), null);
    }

    private int statementsFor(String auth, long schoolId, int size) {
        api.graphql(auth, String.format(NESTED, schoolId, size)); // warm caches so both runs measure the same thing
        var r = statements(() -> api.graphql(auth, String.format(NESTED, schoolId, size)));
        int count = (int) r.count();
        assertThat(r.response().json().get("errors")).as(r.response().body()).isNull();
        return count;
    }

    record Counted(Api.Response response, long count) {}

    private Counted statements(java.util.function.Supplier<Api.Response> call) {
        long before = OwnStatementCount.read();
        Api.Response response = call.get();
        return new Counted(response, OwnStatementCount.read() - before);
    }

    @Test
    void aNestedQueryOverThirtyPupilsUsesAsManyStatementsAsOneOverTen() {
        int forTen = statementsFor(office, small.id(), 50);
        int forThirty = statementsFor(officeLarge, large.id(), 50);
        System.out.printf("[figure] nested GraphQL query, 30 pupils with registerGroup+contacts+school: %d SQL statements (10 pupils: %d)%n", forThirty, forTen);
        assertThat(forThirty).isEqualTo(forTen);
        assertThat(forThirty).isLessThanOrEqualTo(10);
    }

    @Test
    void theNestedQueryReturnsEveryPupilWithTheirContactsInPriorityOrder() {
        JsonNode items = api.graphql(officeLarge, String.format(NESTED, large.id(), 50)).json().at("/data/school/pupils/nodes");
        assertThat(items).hasSize(30);
        assertThat(items).allSatisfy(p -> assertThat(p.get("contacts")).hasSize(2));
        assertThat(items.get(0).at("/contacts/0/mobile").asText()).startsWith("+447700900");
    }

    @Test
    void aQueryDeeperThanEightLevelsIsRefused() {
        String deep = "{ school(id: " + small.id() + ") { pupils { nodes { registerGroup { school { pupils { nodes { registerGroup { school { name } } } } } } } } } }";
        var r = api.graphql(office, deep);
        assertThat(r.json().path("data").path("school").isValueNode() || r.json().path("data").path("school").isMissingNode()).as(r.body()).isTrue();
        assertThat(r.json().at("/errors/0/message").asText()).containsIgnoringCase("depth");
    }

    @Test
    void aQueryAskingForTooMuchIsRefusedBeforeItRuns() {
        String costly = "{ schools(first: 500) { nodes { pupils(first: 500) { nodes { contacts { name } registerGroup { name } } } } } }";
        var counted = statements(() -> api.graphql(office, costly));
        assertThat(counted.response().json().at("/errors/0/message").asText()).containsIgnoringCase("complexity");
        assertThat(counted.count()).as("statements run for a refused query").isLessThanOrEqualTo(3);
    }

    @Test
    void aSyntaxErrorIsReportedAsAGraphqlError() {
        var r = api.graphql(office, "{ school(id: ) { name }");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/errors/0/message").asText()).isNotBlank();
    }

    @Test
    void aDateThatIsNotYyyyMmDdIsRefusedWithTheSameCodeAndFieldErrorsAsRest() {
        var r = api.graphql(office, "{ absenceReports(schoolId: " + small.id() + ", date: \"23/11/2026\") { nodes { id } } }");
        JsonNode ext = r.json().at("/errors/0/extensions");
        assertThat(ext.path("code").asText()).as(r.body()).isEqualTo("VALIDATION_FAILED");
        assertThat(ext.path("status").asInt()).isEqualTo(400);
        assertThat(ext.path("type").asText()).isEqualTo("urn:openattendance:problem:validation-failed");
        assertThat(ext.at("/errors/0/field").asText()).isEqualTo("date");
        assertThat(ext.at("/errors/0/expected").asText()).contains("YYYY-MM-DD");
    }

    @Test
    void aRefusalFromAServiceCarriesTheProblemJsonMembersInExtensions() {
        var rest = api.get("/api/v1/schools/" + large.id(), office);
        var r = api.graphql(office, "{ pupil(schoolId: " + large.id() + ", id: 1) { id } }");
        JsonNode ext = r.json().at("/errors/0/extensions");
        assertThat(ext.path("code").asText()).as(r.body()).isEqualTo(rest.json().path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(ext.path("type").asText()).isEqualTo(rest.json().path("type").asText());
        assertThat(ext.path("title").asText()).isEqualTo(rest.json().path("title").asText());
        assertThat(ext.path("status").asInt()).isEqualTo(404);
    }

    @Test
    void datesAndSchoolTimesAreTypedScalarsWrittenAsIsoStrings() {
        var r = api.graphql(officeLarge, "{ school(id: " + large.id() + ") { registerGroups { nodes { am { opensAt } } } pupils(first: 1) { nodes { dateOfBirth startDate } } } }");
        assertThat(r.json().get("errors")).as(r.body()).isNull();
        assertThat(r.json().at("/data/school/registerGroups/nodes/0/am/opensAt").asText()).matches("\\d\\d:\\d\\d");
        assertThat(r.json().at("/data/school/pupils/nodes/0/dateOfBirth").asText()).matches("\\d{4}-\\d\\d-\\d\\d");
        var types = api.graphql(office, "{ __type(name: \"Pupil\") { fields { name type { ofType { name } } } } }").body();
        assertThat(types).contains("{\"name\":\"dateOfBirth\",\"type\":{\"ofType\":{\"name\":\"Date\"}}}");
    }

    @Test
    void anonymousCallersCannotQuery() {
        assertThat(api.graphql(null, "{ policyPresets { key } }").status()).isEqualTo(401);
    }
}
