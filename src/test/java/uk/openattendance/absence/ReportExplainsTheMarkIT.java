package uk.openattendance.absence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.ParentPhone;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.notify.app.Dispatcher;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.roll.app.ContactCommand;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Role;

/**
 * A family that reports before the register did everything right: the N a teacher enters for a session their report
 * covers becomes the report's code at once, and the report says so on every channel.
 */
@MicronautTest(transactional = false)
class ReportExplainsTheMarkIT {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final LocalDate TUESDAY = MONDAY.plusDays(1);
    static final Actor SYSTEM = Actor.bootstrap("tests");

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject ContactService contacts;
    @Inject Dispatcher dispatcher;
    @Inject ParentPhone phone;

    record Setup(TestWorld.School school, PupilView amelia, PupilView oliver, String mobile, String office, String teacher, Api api) {}

    Setup setup() {
        at(MONDAY, "08:00");
        TestWorld.School school = world.school();
        PupilView amelia = world.pupil(school, "Amelia", "Reportedfirst");
        PupilView oliver = world.pupil(school, "Oliver", "Unreported");
        String mobile = String.format("07700 900%03d", TestWorld.next() % 1000);
        contacts.addContact(SYSTEM, school.id(), amelia.id(), new ContactCommand("Sam Reportedfirst", "Mother", true, true, 1, mobile,
                "sam.reportedfirst@example.org", Channel.SMS, false, null));
        Api api = new Api(server.getURL().toString());
        return new Setup(school, amelia, oliver, mobile, world.staffLogin(api, Role.OFFICE, school.id(), null),
                world.staffLogin(api, Role.TEACHER, school.id(), null), api);
    }

    void at(LocalDate date, String time) {
        clock.set(LocalDateTime.of(date, LocalTime.parse(time)), LONDON);
    }

    String parentToken(Setup s) {
        String base = "/api/v1/public/schools/" + s.school().id() + "/parent";
        var started = s.api().post(base + "/sign-in", null, "{\"mobile\":\"" + s.mobile() + "\"}");
        dispatcher.dispatchDue(List.of(s.school().id()));
        String code = phone.lastCodeTo(ParentPhone.e164(s.mobile()));
        var signedIn = s.api().post(base + "/verify", null, "{\"challenge\":\"" + started.json().get("challenge").asText() + "\",\"code\":\"" + code + "\"}");
        return "Bearer " + signedIn.json().get("accessToken").asText();
    }

    Api.Response takeRegister(Setup s, LocalDate date, Session session, long... absentees) {
        StringBuilder marks = new StringBuilder();
        for (long id : absentees) {
            marks.append(marks.isEmpty() ? "" : ",").append("{\"pupilId\":").append(id).append(",\"code\":\"N\"}");
        }
        var r = s.api().post("/api/v1/schools/" + s.school().id() + "/registers/" + date + "/" + session, s.teacher(), "{\"marks\":[" + marks + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    String mark(Setup s, PupilView p, LocalDate date, Session session) {
        JsonNode marks = s.api().get("/api/v1/schools/" + s.school().id() + "/pupils/" + p.id() + "/marks?from=" + date + "&to=" + date, s.office()).json().get("items");
        for (JsonNode m : marks) {
            if (m.get("session").asText().equals(session.name())) {
                return m.get("code").asText();
            }
        }
        return null;
    }

    JsonNode history(Setup s, PupilView p) {
        return s.api().get("/api/v1/schools/" + s.school().id() + "/pupils/" + p.id() + "/mark-history", s.office()).json().get("items");
    }

    Api.Response officeReport(Setup s, String json) {
        var r = s.api().post("/api/v1/schools/" + s.school().id() + "/absence-reports?channel=PHONE_CALL", s.office(), json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
    }

    @Test
    void aWebFormReportBeforeRegistrationExplainsTheNTheTeacherEntersLater() {
        Setup s = setup();
        String parent = parentToken(s);
        var reported = s.api().post("/api/v1/public/schools/" + s.school().id() + "/parent/absence-reports?channel=WEB_FORM", parent,
                "{\"pupilIds\":[" + s.amelia().id() + "],\"firstDate\":\"" + MONDAY + "\",\"category\":\"ILLNESS\",\"reason\":\"Sickness bug overnight\"}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        assertThat(reported.json().at("/0/marksExplained").asInt()).as("no register taken yet").isZero();
        long reportId = reported.json().at("/0/id").asLong();

        at(MONDAY, "08:55");
        var register = takeRegister(s, MONDAY, Session.AM, s.amelia().id());
        assertThat(register.body()).contains("\"code\":\"I\"");
        assertThat(mark(s, s.amelia(), MONDAY, Session.AM)).isEqualTo("I");

        JsonNode history = history(s, s.amelia());
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("oldCode").isNull()).isTrue();
        assertThat(history.get(0).get("newCode").asText()).as("the teacher's N is kept").isEqualTo("N");
        assertThat(history.get(0).get("changedBy").asText()).contains("Teacher");
        assertThat(history.get(1).get("oldCode").asText()).isEqualTo("N");
        assertThat(history.get(1).get("newCode").asText()).isEqualTo("I");
        assertThat(history.get(1).get("reason").asText()).isEqualTo("Absence report #" + reportId + " (web form): Sickness bug overnight");
        assertThat(history.get(1).get("changedBy").asText()).isEqualTo("System: absence report #" + reportId);
        assertThat(history.get(1).get("changedAt").asText()).isNotBlank();

        at(MONDAY, "13:15");
        takeRegister(s, MONDAY, Session.PM, s.amelia().id());
        assertThat(mark(s, s.amelia(), MONDAY, Session.PM)).isEqualTo("I");
        JsonNode listed = s.api().get("/api/v1/schools/" + s.school().id() + "/absence-reports?date=" + MONDAY, s.office()).json().get("items");
        assertThat(listed.get(0).get("marksExplained").asInt()).as("the morning and the afternoon").isEqualTo(2);
    }

    @Test
    void anNEnteredForASessionNoReportCoversStaysN() {
        Setup s = setup();
        // the family reports the afternoon only (a hospital appointment); the morning and the other child are not covered
        long reportId = officeReport(s, "{\"pupilIds\":[" + s.amelia().id() + "],\"firstDate\":\"" + MONDAY + "\",\"firstSession\":\"PM\",\"lastDate\":\""
                + MONDAY + "\",\"category\":\"MEDICAL_APPOINTMENT\",\"reason\":\"Hospital appointment at 2\"}").json().at("/0/id").asLong();

        at(MONDAY, "08:55");
        takeRegister(s, MONDAY, Session.AM, s.amelia().id(), s.oliver().id());
        assertThat(mark(s, s.amelia(), MONDAY, Session.AM)).isEqualTo("N");
        assertThat(mark(s, s.oliver(), MONDAY, Session.AM)).isEqualTo("N");
        assertThat(history(s, s.amelia())).as("only the teacher's entry").hasSize(1);
        assertThat(history(s, s.oliver())).hasSize(1);

        at(MONDAY, "13:15");
        takeRegister(s, MONDAY, Session.PM, s.amelia().id(), s.oliver().id());
        assertThat(mark(s, s.amelia(), MONDAY, Session.PM)).as("the afternoon the report covers").isEqualTo("M");
        assertThat(mark(s, s.oliver(), MONDAY, Session.PM)).isEqualTo("N");
        assertThat(history(s, s.amelia()).get(2).get("reason").asText()).startsWith("Absence report #" + reportId + " (phone call): ");
        assertThat(s.api().get("/api/v1/schools/" + s.school().id() + "/pupils/" + s.amelia().id() + "/absence-reports", s.office()).json().get("items")
                .get(0).get("marksExplained").asInt()).isEqualTo(1);
    }

    @Test
    void marksExplainedIsTheSameOverRestAndGraphql() {
        Setup s = setup();
        var reported = officeReport(s, "{\"pupilIds\":[" + s.amelia().id() + "],\"firstDate\":\"" + MONDAY
                + "\",\"category\":\"ILLNESS\",\"reason\":\"Dad phoned: a cold\"}");
        assertThat(reported.json().at("/0/marksExplained").asInt()).isZero();

        at(MONDAY, "08:55");
        takeRegister(s, MONDAY, Session.AM, s.amelia().id());
        String school = "/api/v1/schools/" + s.school().id();
        int onTheList = s.api().get(school + "/absence-reports?date=" + MONDAY, s.office()).json().get("items").get(0).get("marksExplained").asInt();
        int ofThePupil = s.api().get(school + "/pupils/" + s.amelia().id() + "/absence-reports", s.office()).json().get("items").get(0).get("marksExplained").asInt();
        var graphql = s.api().graphql(s.office(), "{ absenceReports(schoolId: " + s.school().id() + ", date: \"" + MONDAY + "\") { nodes { marksExplained } } }");
        assertThat(onTheList).isEqualTo(1);
        assertThat(ofThePupil).isEqualTo(1);
        assertThat(graphql.json().at("/data/absenceReports/nodes/0/marksExplained").asInt()).as(graphql.body()).isEqualTo(1);

        // a second report of the same morning (a later call) explains the same mark: the count is of marks with its code
        var again = officeReport(s, "{\"pupilIds\":[" + s.amelia().id() + "],\"firstDate\":\"" + MONDAY
                + "\",\"category\":\"ILLNESS\",\"reason\":\"Mum phoned too\"}");
        assertThat(again.json().at("/0/marksExplained").asInt()).isEqualTo(1);
    }

    @Test
    void aReportForSeveralDaysExplainsTheNextDaysNWhereTheSchoolDoesNotAskForADailyCall() {
        Setup s = setup();
        String head = world.staffLogin(s.api(), Role.HEADTEACHER, s.school().id(), null);
        var policy = s.api().patch("/api/v1/schools/" + s.school().id() + "/policy", head, "{\"firstDay\":{\"reportEachDay\":false}}");
        assertThat(policy.status()).as(policy.body()).isEqualTo(200);
        officeReport(s, "{\"pupilIds\":[" + s.amelia().id() + "],\"firstDate\":\"" + MONDAY + "\",\"expectedReturn\":\"" + MONDAY.plusDays(2)
                + "\",\"category\":\"ILLNESS\",\"reason\":\"Mum phoned: flu, back on Wednesday\"}");

        at(MONDAY, "08:55");
        takeRegister(s, MONDAY, Session.AM, s.amelia().id());
        at(TUESDAY, "08:55");
        takeRegister(s, TUESDAY, Session.AM, s.amelia().id(), s.oliver().id());
        assertThat(mark(s, s.amelia(), TUESDAY, Session.AM)).as("the second day of the report").isEqualTo("I");
        assertThat(mark(s, s.oliver(), TUESDAY, Session.AM)).isEqualTo("N");
        JsonNode history = history(s, s.amelia());
        assertThat(history).hasSize(4);
        assertThat(history.get(3).get("date").asText()).isEqualTo(TUESDAY.toString());
        assertThat(history.get(3).get("oldCode").asText() + ">" + history.get(3).get("newCode").asText()).isEqualTo("N>I");
        assertThat(s.api().get("/api/v1/schools/" + s.school().id() + "/absence-reports?date=" + TUESDAY, s.office()).json().get("items").get(0).get("marksExplained")
                .asInt()).isEqualTo(2);
    }

    @Test
    void anOfficeAmendmentToNInASessionAReportCoversTakesTheReportsCodeToo() {
        Setup s = setup();
        long reportId = officeReport(s, "{\"pupilIds\":[" + s.amelia().id() + "],\"firstDate\":\"" + MONDAY
                + "\",\"category\":\"ILLNESS\",\"reason\":\"Gran phoned: tonsillitis\"}").json().at("/0/id").asLong();
        at(MONDAY, "08:55");
        var present = s.api().post("/api/v1/schools/" + s.school().id() + "/registers/" + MONDAY + "/AM", s.teacher(),
                "{\"marks\":[{\"pupilId\":" + s.amelia().id() + ",\"code\":\"/\"}]}");
        assertThat(present.status()).as(present.body()).isEqualTo(200);

        at(MONDAY, "10:00");
        var amended = s.api().put("/api/v1/schools/" + s.school().id() + "/pupils/" + s.amelia().id() + "/marks/" + MONDAY + "/AM", s.office(),
                "{\"code\":\"N\",\"reason\":\"Marked present by mistake: not in school\",\"version\":1}");
        assertThat(amended.status()).as(amended.body()).isEqualTo(200);
        assertThat(amended.json().get("code").asText()).isEqualTo("I");
        JsonNode history = history(s, s.amelia());
        assertThat(history).hasSize(3);
        assertThat(history.get(1).get("oldCode").asText() + ">" + history.get(1).get("newCode").asText()).isEqualTo("/>N");
        assertThat(history.get(2).get("oldCode").asText() + ">" + history.get(2).get("newCode").asText()).isEqualTo("N>I");
        assertThat(history.get(2).get("reason").asText()).isEqualTo("Absence report #" + reportId + " (phone call): Gran phoned: tonsillitis");
    }
}
