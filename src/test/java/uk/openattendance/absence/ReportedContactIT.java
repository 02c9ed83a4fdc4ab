package uk.openattendance.absence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.roll.app.ContactCommand;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Role;

/** The contact a staff absence report names is a contact of the children it is about, at this school: never another family's. */
@MicronautTest(transactional = false)
class ReportedContactIT {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final Actor SYSTEM = Actor.system("tests");

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject ContactService contacts;

    Api api;
    TestWorld.School school;
    PupilView ada;
    PupilView ben;
    PupilView cal;
    ContactView adasMother;
    ContactView calsFather;
    String office;

    @BeforeEach
    void twoFamilies() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(8, 51)), LONDON);
        api = new Api(server.getURL().toString());
        school = world.school();
        ada = world.pupil(school, "Ada", "Thistlewood");
        ben = world.pupil(school, "Ben", "Thistlewood");
        cal = world.pupil(school, "Cal", "Varley");
        String tess = mobile();
        adasMother = contacts.addContact(SYSTEM, school.id(), ada.id(), contact("Tess Thistlewood", "Mother", tess));
        contacts.addContact(SYSTEM, school.id(), ben.id(), contact("Tess Thistlewood", "Mother", tess));
        calsFather = contacts.addContact(SYSTEM, school.id(), cal.id(), contact("Vic Varley", "Father", mobile()));
        office = world.staffLogin(api, Role.OFFICE, school.id(), null);
    }

    private static String mobile() {
        return String.format("07700 900%03d", TestWorld.next() % 1000);
    }

    private static ContactCommand contact(String name, String relationship, String mobile) {
        return new ContactCommand(name, relationship, true, true, 1, mobile, null, Channel.SMS, false, null);
    }

    private Api.Response report(long schoolId, String pupilIds, long contactId) {
        return api.post("/api/v1/schools/" + schoolId + "/absence-reports?channel=PHONE_CALL", office, "{\"pupilIds\":[" + pupilIds + "],\"firstDate\":\""
                + MONDAY + "\",\"category\":\"ILLNESS\",\"reason\":\"Parent phoned: a cold\",\"contactId\":" + contactId + "}");
    }

    private int reportsToday() {
        return api.get("/api/v1/schools/" + school.id() + "/absence-reports?date=" + MONDAY, office).json().size();
    }

    @Test
    void aStaffAbsenceReportNamingTheChildsOwnContactIsRecordedWithIt() {
        var r = report(school.id(), ada.id() + "," + ben.id(), adasMother.contactId());
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().at("/0/contactId").asLong()).isEqualTo(adasMother.contactId());
    }

    @Test
    void aStaffAbsenceReportNamingAnotherFamilysContactIsRefused() {
        var r = report(school.id(), String.valueOf(ada.id()), calsFather.contactId());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo("REPORT_NOT_VALID");
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("contactId");
        assertThat(r.body()).doesNotContain("Varley");
        assertThat(reportsToday()).as("nothing was recorded").isZero();
    }

    @Test
    void aStaffAbsenceReportForSiblingsNamingAContactOfOnlyOneOfThemIsRefused() {
        PupilView halfSister = world.pupil(school, "Dot", "Varley");
        var r = report(school.id(), cal.id() + "," + halfSister.id(), calsFather.contactId());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("contactId");
        assertThat(reportsToday()).isZero();
    }

    @Test
    void aStaffAbsenceReportNamingAnotherSchoolsContactIsRefused() {
        TestWorld.School elsewhere = world.school();
        PupilView foreign = world.pupil(elsewhere, "Eve", "Wardrop");
        ContactView foreignMother = contacts.addContact(SYSTEM, elsewhere.id(), foreign.id(), contact("Wren Wardrop", "Mother", mobile()));
        var r = report(school.id(), String.valueOf(ada.id()), foreignMother.contactId());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("contactId");
        assertThat(r.body()).doesNotContain("Wardrop");
        assertThat(reportsToday()).isZero();
    }
}
