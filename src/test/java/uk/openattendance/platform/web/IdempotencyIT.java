package uk.openattendance.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.security.Role;

/** An integrator retrying a POST after a timeout must not admit the same child twice. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyIT {
    @Inject EmbeddedServer server;
    @Inject TestWorld world;

    Api api;
    TestWorld.School school;
    String office;

    @BeforeAll
    void aSchool() {
        api = new Api(server.getURL().toString());
        school = world.school();
        office = world.staffLogin(api, Role.OFFICE, school.id(), null);
    }

    private String pupil(String upn, String surname) {
        return "{\"upn\":\"" + upn + "\",\"legalForename\":\"Ione\",\"legalSurname\":\"" + surname + "\",\"dateOfBirth\":\"2016-06-06\","
                + "\"yearGroup\":\"5\",\"registerGroupId\":" + school.registerGroupIds().get(0) + ",\"startDate\":\"2026-09-02\"}";
    }

    private Api.Response admit(String key, String body) {
        return api.send("POST", "/api/v1/schools/" + school.id() + "/pupils", office, body, Map.of("Idempotency-Key", key, "Content-Type", "application/json"));
    }

    @Test
    void aRetriedAdmissionWithTheSameKeyReturnsTheFirstAnswerAndAdmitsOnce() {
        String key = "retry-" + TestWorld.next();
        String body = pupil(TestWorld.upn(), "Halloran");
        var first = admit(key, body);
        var retry = admit(key, body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        long halloranCount = api.get("/api/v1/schools/" + school.id() + "/pupils?size=500", office).json().get("items").findValuesAsText("legalSurname")
                .stream().filter("Halloran"::equals).count();
        assertThat(halloranCount).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefused() {
        String key = "reuse-" + TestWorld.next();
        assertThat(admit(key, pupil(TestWorld.upn(), "Iredale")).status()).isEqualTo(201);
        var r = admit(key, pupil(TestWorld.upn(), "Jessop"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void withoutAKeyASecondIdenticalAdmissionIsAConflictOnTheUpn() {
        String body = pupil(TestWorld.upn(), "Kersey");
        assertThat(api.post("/api/v1/schools/" + school.id() + "/pupils", office, body).status()).isEqualTo(201);
        var r = api.post("/api/v1/schools/" + school.id() + "/pupils", office, body);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("code").asText()).isEqualTo("UPN_TAKEN");
    }

    @Test
    void anAbsenceReportRetriedAfterATimeoutWithTheSameKeyIsRecordedOnce() {
        long pupilId = admit("pupil-" + TestWorld.next(), pupil(TestWorld.upn(), "Lonsdale")).json().get("id").asLong();
        String path = "/api/v1/schools/" + school.id() + "/absence-reports";
        String body = "{\"pupilIds\":[" + pupilId + "],\"firstDate\":\"2026-11-24\",\"category\":\"ILLNESS\",\"reason\":\"Temperature overnight\"}";
        Map<String, String> headers = Map.of("Idempotency-Key", "report-" + TestWorld.next(), "Content-Type", "application/json");
        var first = api.send("POST", path, office, body, headers);
        var retry = api.send("POST", path, office, body, headers);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().at("/0/id").asLong()).isEqualTo(first.json().at("/0/id").asLong());
        var listed = api.get(path + "?date=2026-11-24", office).json().get("items");
        long mine = 0;
        for (var r : listed) {
            mine += r.path("pupilId").asLong() == pupilId ? 1 : 0;
        }
        assertThat(mine).as("reports for the child after a retry").isEqualTo(1);
    }

    @Test
    void aClosureRetriedWithTheSameKeyIsAddedOnceAndADifferentClosureUnderItIsRefused() {
        String head = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
        String path = "/api/v1/schools/" + school.id() + "/calendar/closures";
        String key = "closure-" + TestWorld.next();
        Map<String, String> headers = Map.of("Idempotency-Key", key, "Content-Type", "application/json");
        String snow = "{\"date\":\"2026-12-09\",\"sessions\":\"ALL_DAY\",\"kind\":\"OTHER\",\"description\":\"Snow\"}";
        var first = api.send("POST", path, head, snow, headers);
        var retry = api.send("POST", path, head, snow, headers);
        var other = api.send("POST", path, head, snow.replace("2026-12-09", "2026-12-10"), headers);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(other.status()).as(other.body()).isEqualTo(422);
        assertThat(other.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }
}
