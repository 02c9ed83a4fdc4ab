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

/**
 * Every kind of bad request an integrator can send gets a 4xx problem+json naming the field and what was expected,
 * and leaves the roll, the register groups and the policy exactly as they were.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {
    @Inject EmbeddedServer server;
    @Inject TestWorld world;

    Api api;
    TestWorld.School school;
    TestWorld.School otherSchool;
    String head;
    String pupils;

    @BeforeAll
    void oneSchoolWithAHeadteacher() {
        api = new Api(server.getURL().toString());
        school = world.school();
        otherSchool = world.school();
        world.pupil(school, "Orla", "Quentin");
        head = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
        pupils = "/api/v1/schools/" + school.id() + "/pupils";
    }

    private String pupil(String overrides) {
        String base = "\"upn\":\"" + TestWorld.upn() + "\",\"legalForename\":\"Ira\",\"legalSurname\":\"Penrose\",\"dateOfBirth\":\"2017-01-01\","
                + "\"yearGroup\":\"4\",\"registerGroupId\":" + school.registerGroupIds().get(0) + ",\"startDate\":\"2026-09-02\"";
        return "{" + base + (overrides.isEmpty() ? "" : "," + overrides) + "}";
    }

    private int rollSize() {
        return api.get(pupils + "?size=500", head).json().get("totalItems").asInt();
    }

    private static void assertProblem(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("title").asText()).isNotBlank();
        if (field != null) {
            assertThat(r.json().get("errors")).as(r.body()).anySatisfy(e -> {
                assertThat(e.get("field").asText()).isEqualTo(field);
                assertThat(e.get("expected").asText()).isNotBlank();
            });
        }
    }

    @Test
    void aWellFormedPupilIsAdmittedSoTheRefusalsBelowAreAboutTheirInput() {
        int before = rollSize();
        assertThat(api.post(pupils, head, pupil("")).status()).isEqualTo(201);
        assertThat(rollSize()).isEqualTo(before + 1);
    }

    @Test
    void malformedJsonIsRefusedAndNothingIsWritten() {
        int before = rollSize();
        assertProblem(api.post(pupils, head, "{\"upn\": \"A1234"), 400, null);
        assertThat(rollSize()).isEqualTo(before);
    }

    @Test
    void aWrongTypeNamesTheFieldAndTheExpectedType() {
        var r = api.post(pupils, head, pupil("\"dateOfBirth\":12").replaceFirst("\"dateOfBirth\":\"2017-01-01\",", ""));
        assertProblem(r, 400, "dateOfBirth");
        assertThat(r.body()).contains("YYYY-MM-DD");
    }

    @Test
    void anUnknownEnumValueListsTheAllowedValues() {
        var r = api.post(pupils, head, pupil("\"characteristics\":{\"send\":\"MAYBE\"}"));
        assertProblem(r, 400, "characteristics.send");
        assertThat(r.body()).contains("EHCP");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        var r = api.post(pupils, head, pupil("").replace("\"legalSurname\":\"Penrose\",", ""));
        assertProblem(r, 400, "legalSurname");
    }

    @Test
    void anUnknownFieldIsRefusedRatherThanSilentlyIgnored() {
        assertProblem(api.post(pupils, head, pupil("\"nickname\":\"Izzy\"")), 400, "nickname");
    }

    @Test
    void aMalformedUpnSaysWhatAUpnLooksLike() {
        var r = api.post(pupils, head, pupil("").replaceFirst("\"upn\":\"[^\"]+\"", "\"upn\":\"12345\""));
        assertProblem(r, 400, "upn");
        assertThat(r.body()).contains("13 characters");
    }

    @Test
    void anOversizedBodyIs413() {
        String huge = pupil("\"form\":\"" + "x".repeat(6 * 1024 * 1024) + "\"");
        var r = api.post(pupils, head, huge);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anotherSchoolsRegisterGroupIsRefusedAndNothingIsWritten() {
        int before = rollSize();
        var r = api.post(pupils, head, pupil("").replace("\"registerGroupId\":" + school.registerGroupIds().get(0),
                "\"registerGroupId\":" + otherSchool.registerGroupIds().get(0)));
        assertThat(r.status()).isBetween(400, 499);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(rollSize()).isEqualTo(before);
    }

    @Test
    void aNonNumericIdInThePathIsABadRequestNotAServerError() {
        assertProblem(api.get("/api/v1/schools/abc/pupils", head), 400, null);
    }

    @Test
    void aPageLargerThanTheLimitIsRefusedWithTheLimit() {
        var r = api.get(pupils + "?size=100000", head);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("500");
    }

    @Test
    void aRegisterOpenLongerThanThirtyMinutesIsRefusedAndNoGroupIsCreated() {
        String groups = "/api/v1/schools/" + school.id() + "/register-groups";
        int before = api.get(groups, head).json().get("items").size();
        var r = api.post(groups, head, "{\"name\":\"Year 6\",\"am\":{\"opensAt\":\"08:30\",\"lateAfter\":\"08:45\",\"closesAt\":\"09:15\",\"unauthorisedAfter\":\"09:15\"},"
                + "\"pm\":{\"opensAt\":\"13:10\",\"lateAfter\":\"13:10\",\"closesAt\":\"13:20\",\"unauthorisedAfter\":\"13:20\"}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("TIMINGS_NOT_ALLOWED");
        assertThat(r.body()).contains("at most 30 minutes");
        assertThat(api.get(groups, head).json().get("items").size()).isEqualTo(before);
    }

    @Test
    void aTimeWrittenWrongSaysHhMm() {
        var r = api.post("/api/v1/schools/" + school.id() + "/register-groups", head,
                "{\"name\":\"Year 6\",\"am\":{\"opensAt\":\"quarter to nine\",\"lateAfter\":\"08:45\",\"closesAt\":\"09:15\",\"unauthorisedAfter\":\"09:15\"},"
                        + "\"pm\":{\"opensAt\":\"13:10\",\"lateAfter\":\"13:10\",\"closesAt\":\"13:20\",\"unauthorisedAfter\":\"13:20\"}}");
        assertProblem(r, 400, "am.opensAt");
        assertThat(r.body()).contains("HH:MM");
    }

    @Test
    void anInvalidPolicyPatchIsRefusedAndThePolicyIsUnchanged() {
        String policy = "/api/v1/schools/" + school.id() + "/policy";
        var before = api.get(policy, head).json();
        var r = api.patch(policy, head, "{\"firstDay\":{\"firstTextAt\":\"25:99\"}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).contains("firstDay.firstTextAt");
        var wrongType = api.patch(policy, head, "{\"marks\":{\"unresolvedNLimitSchoolDays\":\"five\"}}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(api.get(policy, head).json()).isEqualTo(before);
    }

    @Test
    void aCsvWithABadRowRejectsTheWholeFileWithItsLineNumber() {
        int before = rollSize();
        String csv = "upn,legal_forename,legal_surname,date_of_birth,year_group,register_group,start_date\n"
                + TestWorld.upn() + ",Wren,Allard,2017-05-01,4,Whole school,2026-09-02\n"
                + TestWorld.upn() + ",Cato,Bexley,01/05/2017,4,Whole school,2026-09-02\n";
        var r = api.send("POST", "/api/v1/schools/" + school.id() + "/imports/pupils", head, csv, Map.of("Content-Type", "text/csv"));
        assertProblem(r, 400, "line 3: date_of_birth");
        assertThat(rollSize()).isEqualTo(before);
    }

    @Test
    void aJsonBodySentToTheCsvImportIs415() {
        var r = api.post("/api/v1/schools/" + school.id() + "/imports/pupils", head, "{}");
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void noCredentialsIs401ProblemJson() {
        var r = api.get(pupils, null);
        assertProblem(r, 401, null);
    }
}
