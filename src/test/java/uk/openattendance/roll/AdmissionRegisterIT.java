package uk.openattendance.roll;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Admissions and deletions are recorded with their ground and the date the local authority must be told. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdmissionRegisterIT {
    @Inject EmbeddedServer server;
    @Inject TestWorld world;

    Api api;
    TestWorld.School school;
    String head;

    @BeforeAll
    void aSchool() {
        api = new Api(server.getURL().toString());
        school = world.school();
        head = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
    }

    @Test
    void deletingAPupilRecordsTheRegulationNineGroundAndKeepsTheHistory() {
        PupilView pupil = world.pupil(school, "Esme", "Tollard");
        String base = "/api/v1/schools/" + school.id() + "/pupils/" + pupil.id();
        var r = api.post(base + "/deletion", head, "{\"ground\":\"REGISTERED_AT_ANOTHER_SCHOOL\",\"deletedOn\":\"2026-11-20\",\"note\":\"Moved to a school in another county\"}");
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
        var history = api.get(base + "/admission-history", head).json().get("items");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("ground").asText()).isEqualTo("REGISTERED_AT_ANOTHER_SCHOOL");
        assertThat(history.get(1).get("laReturnDueOn").asText()).isEqualTo("2026-11-20");
        assertThat(api.post(base + "/deletion", head, "{\"ground\":\"REGISTERED_AT_ANOTHER_SCHOOL\",\"deletedOn\":\"2026-11-21\"}").status()).isEqualTo(409);
    }

    @Test
    void anUnknownDeletionGroundListsTheGroundsInTheRegulations() {
        PupilView pupil = world.pupil(school, "Idris", "Vane");
        var r = api.post("/api/v1/schools/" + school.id() + "/pupils/" + pupil.id() + "/deletion", head, "{\"ground\":\"FELL_OUT\",\"deletedOn\":\"2026-11-20\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("ground").contains("REGISTERED_AT_ANOTHER_SCHOOL");
    }

    @Test
    void anAdmissionIsDueAtTheLocalAuthorityWithinFiveSchoolDays() {
        PupilView pupil = world.pupil(school, "Lowri", "Abbot");
        var returns = api.get("/api/v1/schools/" + school.id() + "/local-authority-returns", head);
        assertThat(returns.status()).as(returns.body()).isEqualTo(200);
        // Admitted Wednesday 2 September 2026: five school days on is Wednesday 9 September.
        assertThat(returns.json().get("items")).anySatisfy(e -> {
            assertThat(e.get("pupilId").asLong()).isEqualTo(pupil.id());
            assertThat(e.get("kind").asText()).isEqualTo("ADMISSION");
            assertThat(e.get("laReturnDueOn").asText()).isEqualTo("2026-09-09");
        });
    }
}
