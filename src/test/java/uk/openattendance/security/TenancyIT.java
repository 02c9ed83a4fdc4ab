package uk.openattendance.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.domain.PolicyPresets;

/** Staff and keys of one school can neither read nor change another school's pupils, however they ask. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyIT {
    @Inject EmbeddedServer server;
    @Inject TestWorld world;

    Api api;
    TestWorld.School schoolA;
    TestWorld.School schoolB;
    PupilView pupilA;
    PupilView pupilB;
    String officeA;

    @BeforeAll
    void twoSchoolsInOneTrust() {
        api = new Api(server.getURL().toString());
        long trust = world.trust();
        schoolA = world.school(trust, PolicyPresets.PRIMARY_PORTSMOUTH);
        schoolB = world.school(trust, PolicyPresets.LOWER_SCHOOL_BEDFORDSHIRE);
        pupilA = world.pupil(schoolA, "Amara", "Fenwick");
        pupilB = world.pupil(schoolB, "Bruno", "Garside");
        world.parent(schoolB, pupilB, "Bea Garside", 321);
        officeA = world.staffLogin(api, Role.OFFICE, schoolA.id(), null);
    }

    @Test
    void staffSeeTheirOwnSchoolsPupil() {
        assertThat(api.get("/api/v1/schools/" + schoolA.id() + "/pupils/" + pupilA.id(), officeA).status()).isEqualTo(200);
    }

    @Test
    void anotherSchoolsPupilIsNotFoundOverRest() {
        var r = api.get("/api/v1/schools/" + schoolB.id() + "/pupils/" + pupilB.id(), officeA);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain("Bruno");
    }

    @Test
    void aGuessedPupilIdUnderOwnSchoolIsNotFound() {
        var r = api.get("/api/v1/schools/" + schoolA.id() + "/pupils/" + pupilB.id(), officeA);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("Garside");
    }

    @Test
    void anotherSchoolsRollCannotBeListedOrChanged() {
        assertThat(api.get("/api/v1/schools/" + schoolB.id() + "/pupils", officeA).status()).isEqualTo(404);
        String body = "{\"upn\":\"" + TestWorld.upn() + "\",\"legalForename\":\"Ira\",\"legalSurname\":\"Penrose\",\"dateOfBirth\":\"2017-01-01\","
                + "\"yearGroup\":\"4\",\"registerGroupId\":" + schoolB.registerGroupIds().get(0) + ",\"startDate\":\"2026-09-02\",\"version\":0}";
        assertThat(api.post("/api/v1/schools/" + schoolB.id() + "/pupils", officeA, body).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/schools/" + schoolB.id() + "/pupils/" + pupilB.id(), officeA, body).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/schools/" + schoolA.id() + "/pupils/" + pupilB.id(), officeA, body).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/schools/" + schoolB.id() + "/pupils/" + pupilB.id() + "/contacts", officeA).status()).isEqualTo(404);
    }

    @Test
    void anotherSchoolIsNotFoundOverGraphql() {
        var r = api.graphql(officeA, "{ school(id: " + schoolB.id() + ") { name pupils { nodes { legalSurname } } } }");
        assertThat(r.json().at("/data/school").isNull()).isTrue();
        assertThat(r.json().at("/errors/0/extensions/code").asText()).isEqualTo("NOT_FOUND");
        assertThat(r.body()).doesNotContain("Garside");
    }

    @Test
    void aGuessedPupilIdIsNotFoundOverGraphql() {
        var r = api.graphql(officeA, "{ pupil(schoolId: " + schoolA.id() + ", id: " + pupilB.id() + ") { legalSurname contacts { name } } }");
        assertThat(r.json().at("/errors/0/extensions/code").asText()).isEqualTo("NOT_FOUND");
        assertThat(r.body()).doesNotContain("Garside");
    }

    @Test
    void nestedGraphqlFieldsOnlyReachTheCallersSchool() {
        var r = api.graphql(officeA, "{ schools { totalCount nodes { id pupils { nodes { legalSurname school { id } registerGroup { school { id } } contacts { name } } } } } }");
        assertThat(r.json().at("/data/schools/totalCount").asInt()).isEqualTo(1);
        assertThat(r.body()).contains("Fenwick").doesNotContain("Garside").doesNotContain("Bea Garside");
    }

    @Test
    void anApiKeyForOneSchoolCannotReadAnother() {
        String key = world.apiKey(schoolA.id(), Set.of(Permission.ROLL_READ, Permission.SCHOOL_READ));
        assertThat(api.get("/api/v1/schools/" + schoolA.id() + "/pupils/" + pupilA.id(), key).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/schools/" + schoolB.id() + "/pupils/" + pupilB.id(), key).status()).isEqualTo(404);
    }

    @Test
    void aReadOnlyApiKeyCannotAdmitPupils() {
        String key = world.apiKey(schoolA.id(), Set.of(Permission.ROLL_READ));
        String body = "{\"upn\":\"" + TestWorld.upn() + "\",\"legalForename\":\"Ira\",\"legalSurname\":\"Penrose\",\"dateOfBirth\":\"2017-01-01\","
                + "\"yearGroup\":\"4\",\"registerGroupId\":" + schoolA.registerGroupIds().get(0) + ",\"startDate\":\"2026-09-02\"}";
        var r = api.post("/api/v1/schools/" + schoolA.id() + "/pupils", key, body);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("code").asText()).isEqualTo("PERMISSION_DENIED");
    }

    @Test
    void aWrongApiKeyIsNotAuthenticated() {
        var r = api.get("/api/v1/schools", "oa_aaaaaaaaaaaa_" + "b".repeat(40));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("code").asText()).isEqualTo("NOT_AUTHENTICATED");
    }

    @Test
    void aTeacherMayReadButNotChangeTheRoll() {
        String teacher = world.staffLogin(api, Role.TEACHER, schoolA.id(), null);
        assertThat(api.get("/api/v1/schools/" + schoolA.id() + "/pupils", teacher).status()).isEqualTo(200);
        var r = api.send("POST", "/api/v1/schools/" + schoolA.id() + "/imports/pupils", teacher, "upn\n", java.util.Map.of("Content-Type", "text/csv"));
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void aTrustAdministratorSeesEverySchoolOfTheTrust() {
        String admin = world.staffLogin(api, Role.TRUST_ADMIN, null, schoolA.trustId());
        assertThat(api.get("/api/v1/schools/" + schoolB.id() + "/pupils/" + pupilB.id(), admin).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/schools", admin).json().get("totalItems").asInt()).isEqualTo(2);
    }
}
