package uk.openattendance.school;

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
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.security.Role;

/** A trust admin creates schools from presets; the trust's defaults flow down unless a school sets its own; every change is kept. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyIT {
    @Inject EmbeddedServer server;
    @Inject TestWorld world;

    Api api;
    long trust;
    String trustAdmin;

    @BeforeAll
    void aTrustWithItsAdministrator() {
        api = new Api(server.getURL().toString());
        trust = world.trust();
        trustAdmin = world.staffLogin(api, Role.TRUST_ADMIN, null, trust);
    }

    private long createSchool(String preset) {
        int n = TestWorld.next();
        var r = api.post("/api/v1/schools", trustAdmin, "{\"trustId\":" + trust + ",\"urn\":\"" + String.format("%06d", 100000 + n % 800000)
                + "\",\"presetKey\":\"" + preset + "\",\"details\":{\"name\":\"Hollin Lane Lower " + n + "\",\"zone\":\"Europe/London\","
                + "\"email\":\"office@hollin" + n + ".example.org\",\"allowedOrigins\":[\"https://hollin" + n + ".example.org\"]}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    @Test
    void aSchoolCreatedFromTheBedfordshirePresetHasItsThreeRegisterGroups() {
        long school = createSchool(PolicyPresets.LOWER_SCHOOL_BEDFORDSHIRE);
        JsonNode groups = api.get("/api/v1/schools/" + school + "/register-groups", trustAdmin).json().get("items");
        assertThat(groups).extracting(g -> g.get("name").asText()).containsExactly("Nursery", "Reception and KS1", "KS2");
        assertThat(groups).extracting(g -> g.at("/pm/opensAt").asText()).containsExactly("12:00", "12:45", "13:30");
    }

    @Test
    void everyPresetCanStartASchool() {
        for (String key : new String[] {PolicyPresets.SECONDARY_ACADEMY_DORSET, PolicyPresets.CHURCH_TRUST_TRAFFIC_LIGHT,
                PolicyPresets.PRIMARY_GLOUCESTERSHIRE, PolicyPresets.PRIMARY_PORTSMOUTH, PolicyPresets.LOWER_SCHOOL_BEDFORDSHIRE}) {
            long school = createSchool(key);
            JsonNode policy = api.get("/api/v1/schools/" + school + "/policy", trustAdmin).json();
            assertThat(policy.get("presetKey").asText()).isEqualTo(key);
            assertThat(policy.get("interpretations")).isNotEmpty();
        }
    }

    @Test
    void aChangedSettingIsKeptAsTheSchoolsOwnAndRecordedInItsHistory() {
        long school = createSchool(PolicyPresets.PRIMARY_PORTSMOUTH);
        String policy = "/api/v1/schools/" + school + "/policy";
        var r = api.patch(policy, trustAdmin, "{\"firstDay\":{\"phoneFrom\":\"10:15\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/settings/firstDay/phoneFrom").asText()).isEqualTo("10:15");
        assertThat(r.json().at("/settings/firstDay/safeBy").asText()).isEqualTo("12:00");
        assertThat(r.json().at("/overrides/firstDay/phoneFrom").asText()).isEqualTo("10:15");
        assertThat(r.json().at("/overrides/firstDay/safeBy").isMissingNode()).isTrue();

        JsonNode history = api.get(policy + "/history", trustAdmin).json().get("items");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).at("/patch/firstDay/phoneFrom").asText()).isEqualTo("10:15");
        assertThat(history.get(0).get("changedBy").asText()).contains("Trust administrator");
    }

    @Test
    void trustDefaultsReachEverySchoolExceptWhereASchoolSetItsOwn() {
        long inherits = createSchool(PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        long overrides = createSchool(PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        api.patch("/api/v1/schools/" + overrides + "/policy", trustAdmin, "{\"marks\":{\"unresolvedNLimitSchoolDays\":3}}");

        var r = api.patch("/api/v1/trusts/" + trust + "/policy-defaults", trustAdmin, "{\"marks\":{\"unresolvedNLimitSchoolDays\":4,\"convertUnresolvedNToO\":true}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);

        JsonNode a = api.get("/api/v1/schools/" + inherits + "/policy", trustAdmin).json();
        JsonNode b = api.get("/api/v1/schools/" + overrides + "/policy", trustAdmin).json();
        assertThat(a.at("/settings/marks/unresolvedNLimitSchoolDays").asInt()).isEqualTo(4);
        assertThat(a.at("/settings/marks/convertUnresolvedNToO").asBoolean()).isTrue();
        assertThat(b.at("/settings/marks/unresolvedNLimitSchoolDays").asInt()).isEqualTo(3);
        assertThat(b.at("/settings/marks/convertUnresolvedNToO").asBoolean()).isTrue();
    }

    @Test
    void aTrustDefaultThatWouldBreakASchoolsPolicyIsRefused() {
        createSchool(PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        var r = api.patch("/api/v1/trusts/" + trust + "/policy-defaults", trustAdmin, "{\"marks\":{\"unresolvedNLimitSchoolDays\":-1}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("unresolvedNLimitSchoolDays");
    }

    @Test
    void headteachersMayNotChangeTheirTrustsDefaults() {
        long school = createSchool(PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        String head = world.staffLogin(api, Role.HEADTEACHER, school, null);
        assertThat(api.patch("/api/v1/trusts/" + trust + "/policy-defaults", head, "{\"marks\":{\"unresolvedNLimitSchoolDays\":9}}").status()).isEqualTo(404);
    }
}
