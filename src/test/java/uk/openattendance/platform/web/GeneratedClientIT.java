package uk.openattendance.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.client.ApiClient;
import uk.openattendance.client.ApiException;
import uk.openattendance.client.api.AccessApi;
import uk.openattendance.client.api.AttendanceFiguresApi;
import uk.openattendance.client.api.RegistersApi;
import uk.openattendance.client.api.RollApi;
import uk.openattendance.client.model.FiguresRow;
import uk.openattendance.client.model.LoginControllerCredentials;
import uk.openattendance.client.model.PagePupilView;
import uk.openattendance.client.model.RegisterResult;
import uk.openattendance.client.model.RegisterView;
import uk.openattendance.client.model.Session;
import uk.openattendance.client.model.SubmitRegister;
import uk.openattendance.client.model.SubmitRegisterEntry;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.roll.app.Characteristics;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.security.Actor;
import uk.openattendance.security.CreateStaff;
import uk.openattendance.security.Role;
import uk.openattendance.security.StaffService;

/**
 * An integrator's first afternoon, with nothing but the client that openapi-generator builds from the committed
 * {@code openapi/attendance.yaml} (generated into the test build, never edited): sign in, take a register, read the
 * figures it moved, and page through the roll. If the file describes something the service does not do, or a type a
 * generated client cannot read, this fails.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientIT {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject StaffService staff;
    @Inject MutableClock clock;

    TestWorld.School school;
    List<PupilView> pupils = new ArrayList<>();
    String email;

    @BeforeAll
    void aSchoolWithAClassAndATeacher() {
        school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        for (int i = 0; i < 12; i++) {
            pupils.add(world.pupil(school, "Client" + i, "Pupil" + String.format("%02d", i), LocalDate.of(2025, 9, 1), 0, Characteristics.none()));
        }
        email = "generated-client" + TestWorld.next() + "@example.org";
        staff.createStaff(Actor.bootstrap("tests"), new CreateStaff(email, "Test Teacher", TestWorld.PASSWORD, Role.TEACHER, school.id(), null));
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.getURL().toString());
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private String signIn() throws ApiException {
        return new AccessApi(client(null)).logIn(new LoginControllerCredentials().username(email).password(TestWorld.PASSWORD)).getAccessToken();
    }

    @Test
    void anIntegratorSignsInTakesARegisterReadsTheFiguresAndPagesThroughTheRollWithTheGeneratedClient() throws ApiException {
        String token = signIn();
        assertThat(token).isNotBlank();
        ApiClient api = client(token);

        clock.set(LocalDateTime.of(MONDAY, java.time.LocalTime.of(8, 55)), ZoneId.of("Europe/London"));
        RegisterView before = new RegistersApi(api).getRegister(school.id(), MONDAY, Session.AM, school.registerGroupIds().get(0), null);
        assertThat(before.getPupils()).hasSize(pupils.size());

        SubmitRegister register = new SubmitRegister();
        for (int i = 0; i < pupils.size(); i++) {
            register.addMarksItem(new SubmitRegisterEntry().pupilId(pupils.get(i).id()).code(i == 0 ? "N" : "/"));
        }
        RegisterResult taken = new RegistersApi(api).submitRegister(school.id(), MONDAY, Session.AM, register);
        assertThat(taken.getRecorded()).isEqualTo(pupils.size());
        assertThat(taken.getMarks()).extracting(m -> m.getCode()).containsOnly("N", "/");

        FiguresRow absent = new AttendanceFiguresApi(api).getPupilAttendance(school.id(), pupils.get(0).id(), null, MONDAY, MONDAY, null, null);
        FiguresRow present = new AttendanceFiguresApi(api).getPupilAttendance(school.id(), pupils.get(1).id(), null, MONDAY, MONDAY, null, null);
        assertThat(absent.getFigures().getPossibleSessions()).isEqualTo(1);
        assertThat(absent.getFigures().getAttended()).isZero();
        assertThat(present.getFigures().getAttended()).isEqualTo(1);

        Set<Long> seen = new HashSet<>();
        int pages = 0;
        for (int page = 0; ; page++) {
            PagePupilView slice = new RollApi(api).listPupils(school.id(), null, page, 5);
            slice.getItems().forEach(p -> seen.add(p.getId()));
            pages++;
            if (page + 1 >= slice.getTotalPages()) {
                assertThat(slice.getTotalItems()).isEqualTo(pupils.size());
                break;
            }
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(pupils.stream().map(PupilView::id).toList());
    }

    @Test
    void aRefusalReachesTheGeneratedClientAsProblemJsonNamingTheField() throws ApiException {
        ApiClient api = client(signIn());
        SubmitRegister register = new SubmitRegister().addMarksItem(new SubmitRegisterEntry().pupilId(pupils.get(0).id()).code("not-a-code"));
        assertThatThrownBy(() -> new RegistersApi(api).submitRegister(school.id(), MONDAY, Session.PM, register))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
                    assertThat(e.getResponseBody()).contains("code");
                });
    }

    @Test
    void anotherSchoolsPupilsCannotBeListedWithAValidToken() throws ApiException {
        ApiClient api = client(signIn());
        TestWorld.School other = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        assertThatThrownBy(() -> new RollApi(api).listPupils(other.id(), null, 0, 5))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isIn(403, 404));
    }
}
