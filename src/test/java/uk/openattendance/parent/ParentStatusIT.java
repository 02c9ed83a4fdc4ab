package uk.openattendance.parent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.notify.app.Dispatcher;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SubmitRegister;
import uk.openattendance.roll.app.Characteristics;
import uk.openattendance.roll.app.ContactCommand;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Role;

/**
 * Every report and request a parent makes gets a reference and a status they can see, and they are told by their
 * preferred channel each time it changes, once: over real HTTP with a parent's token, against the real database.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParentStatusIT {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);
    static final Actor SYSTEM = Actor.bootstrap("tests");

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject RegisterService registers;
    @Inject ContactService contacts;
    @Inject Dispatcher dispatcher;
    @Inject TokenGenerator tokens;
    @Inject uk.openattendance.absence.app.AbsenceService absences;

    Api api;
    TestWorld.School school;
    PupilView iris;
    PupilView jago;
    String email;
    String parent;
    String head;
    long parentContactId;

    @BeforeAll
    void aFamilyWhoPrefersEmail() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(7, 30)), LONDON);
        api = new Api(server.getURL().toString());
        school = world.school(world.trust(), PolicyPresets.PRIMARY_PORTSMOUTH);
        iris = world.pupil(school, "Iris", "Acknowledge", MONDAY.minusWeeks(10), 0, Characteristics.none());
        jago = world.pupil(school, "Jago", "Acknowledge", MONDAY.minusWeeks(10), 0, Characteristics.none());
        email = "tamsin.acknowledge" + TestWorld.next() + "@example.org";
        String mobile = String.format("07700 900%03d", TestWorld.next() % 1000);
        long contactId = 0;
        for (PupilView p : List.of(iris, jago)) {
            contactId = contacts.addContact(SYSTEM, school.id(), p.id(), new ContactCommand("Tamsin Acknowledge", "Mother", true, true, 1, mobile, email,
                    Channel.EMAIL, false, null)).contactId();
        }
        parentContactId = contactId;
        parent = "Bearer " + tokens.generateToken(Authentication.build("parent:" + contactId, List.of("PARENT"), Map.of("schoolId", school.id())), 3600)
                .orElseThrow();
        head = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
    }

    @Test
    void aReportIsAcknowledgedWithItsReferenceThenToldOnceWhenTheRegisterRecordsIt() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(7, 30)), LONDON);
        Api.Response made = api.post(base() + "/absence-reports?channel=WEB_FORM", parent, "{\"pupilIds\":[" + iris.id() + "],\"firstDate\":\"" + MONDAY
                + "\",\"category\":\"ILLNESS\",\"reason\":\"Sickness bug overnight\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().get(0).get("id").asLong();
        String reference = "A" + id;
        JsonNode mine = report(id);
        assertThat(mine.at("/status/reference").asText()).isEqualTo(reference);
        assertThat(mine.at("/status/status").asText()).isEqualTo("RECEIVED");
        assertThat(toldAbout(reference)).hasSize(1).allSatisfy(m -> {
            assertThat(m.get("channel").asText()).as("the parent's preferred channel").isEqualTo("EMAIL");
            assertThat(m.get("to").asText()).isEqualTo(email);
            assertThat(m.get("body").asText()).contains("Iris Acknowledge").contains("Received");
        });

        // the teacher marks Iris N at registration; the report turns it into I, and the family hears it is recorded
        take(MONDAY, Session.AM, "N");
        assertThat(report(id).at("/status/status").asText()).isEqualTo("RECORDED");
        assertThat(report(id).at("/status/words").asText()).contains("Recorded as illness");
        List<JsonNode> told = toldAbout(reference);
        assertThat(told).hasSize(2);
        assertThat(told.get(0).get("body").asText()).contains("Recorded as illness");

        // the afternoon register and a second save of the morning change nothing the family needs to hear again
        take(MONDAY, Session.PM, "I");
        take(MONDAY, Session.AM, "I");
        assertThat(toldAbout(reference)).hasSize(2);

        // once sent, the parent sees the acknowledgement among their own messages
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(14, 0)), LONDON);
        dispatcher.dispatchDue(List.of(school.id()));
        assertThat(api.get(base() + "/messages", parent).body()).contains(reference);
    }

    @Test
    void evidenceToFollowOrAWeekOfIllnessMeansTheSchoolNeedsEvidence() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(7, 30)), LONDON);
        Api.Response appointment = api.post(base() + "/absence-reports", parent, "{\"pupilIds\":[" + jago.id() + "],\"firstDate\":\"" + MONDAY.plusDays(1)
                + "\",\"firstSession\":\"AM\",\"lastDate\":\"" + MONDAY.plusDays(1) + "\",\"lastSession\":\"AM\",\"category\":\"MEDICAL_APPOINTMENT\","
                + "\"reason\":\"Orthodontist\",\"evidenceToFollow\":true}");
        assertThat(appointment.status()).as(appointment.body()).isEqualTo(201);
        long a = appointment.json().get(0).get("id").asLong();
        assertThat(report(a).at("/status/status").asText()).isEqualTo("NEEDS_EVIDENCE");
        assertThat(toldAbout("A" + a)).hasSize(1).allSatisfy(m -> assertThat(m.get("body").asText()).contains("waiting for the evidence"));

        Api.Response week = api.post(base() + "/absence-reports", parent, "{\"pupilIds\":[" + jago.id() + "],\"firstDate\":\"" + MONDAY.plusDays(7)
                + "\",\"expectedReturn\":\"" + MONDAY.plusDays(14) + "\",\"category\":\"ILLNESS\",\"reason\":\"Chickenpox\"}");
        assertThat(week.status()).as(week.body()).isEqualTo(201);
        long w = week.json().get(0).get("id").asLong();
        assertThat(report(w).at("/status/status").asText()).isEqualTo("NEEDS_EVIDENCE");
        assertThat(report(w).at("/status/words").asText()).contains("5 school days");
    }

    @Test
    void aRefusedLeaveRequestShowsTheHeadteachersNoteAndTheParentIsToldOnceOfEachStep() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(7, 30)), LONDON);
        Api.Response asked = api.post(base() + "/leave-requests", parent, "{\"pupilId\":" + iris.id() + ",\"ground\":\"EXCEPTIONAL_CIRCUMSTANCES\","
                + "\"firstDate\":\"" + MONDAY.plusWeeks(3) + "\",\"lastDate\":\"" + MONDAY.plusWeeks(3).plusDays(4) + "\",\"reason\":\"A family wedding abroad\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        long id = asked.json().get("id").asLong();
        String reference = "L" + id;
        JsonNode mine = leave(id);
        assertThat(mine.at("/status/reference").asText()).isEqualTo(reference);
        assertThat(mine.at("/status/status").asText()).isEqualTo("RECEIVED");
        assertThat(toldAbout(reference)).hasSize(1);

        Api.Response refused = api.post("/api/v1/schools/" + school.id() + "/leave-requests/" + id + "/decision", head,
                "{\"outcome\":\"REFUSE\",\"note\":\"A wedding is not an exceptional circumstance under our policy\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        mine = leave(id);
        assertThat(mine.at("/status/status").asText()).isEqualTo("REFUSED");
        assertThat(mine.at("/status/note").asText()).isEqualTo("A wedding is not an exceptional circumstance under our policy");
        List<JsonNode> told = toldAbout(reference);
        assertThat(told).hasSize(2);
        assertThat(told.get(0).get("body").asText()).contains("Refused").contains("not an exceptional circumstance");

        JsonNode gql = api.graphql(parent, "{ myLeaveRequests(schoolId: " + school.id() + ") { nodes { reference status statusWords note request { id } } } "
                + "myAbsenceReports(schoolId: " + school.id() + ") { nodes { reference status } } }").json();
        assertThat(gql.toString()).contains(reference);
        JsonNode g = null;
        for (JsonNode n : gql.at("/data/myLeaveRequests/nodes")) {
            if (n.get("reference").asText().equals(reference)) {
                g = n;
            }
        }
        assertThat(g).as(gql.toString()).isNotNull();
        assertThat(g.get("status").asText()).isEqualTo("REFUSED");
        assertThat(g.get("note").asText()).contains("not an exceptional circumstance");
    }

    @Test
    void aReportMadeFromTheFamilysOwnTextIsNotAcknowledgedAgainAndItsLaterRecordingIsToldOnceAsAStatusUpdate() {
        // the reply reader files Jago's absence for Wednesday from the family's text: the reply to that text answered them
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(7, 30)), LONDON);
        long id = fromTheirText(jago, MONDAY.plusDays(2), "Jago has a temperature, he will be off on Wednesday");
        String reference = "A" + id;
        assertThat(report(id).at("/status/status").asText()).isEqualTo("RECEIVED");
        assertThat(toldAbout(reference)).as("no second acknowledgement after the reply to their text").isEmpty();

        // Wednesday's register records it: news the family has not had, told once by their preferred channel
        submit(MONDAY.plusDays(2), Session.AM, jago, "N");
        assertThat(report(id).at("/status/status").asText()).isEqualTo("RECORDED");
        List<JsonNode> told = toldAbout(reference);
        assertThat(told).hasSize(1).allSatisfy(m -> {
            assertThat(m.get("purpose").asText()).as("its own message, not the reply's thanks").isEqualTo("STATUS_UPDATE");
            assertThat(m.get("channel").asText()).isEqualTo("EMAIL");
            assertThat(m.get("subject").asText()).contains(reference);
            assertThat(m.get("body").asText()).contains("Recorded as illness");
        });

        // the register saved again as it stands (a retry) and the afternoon tell nothing more
        submit(MONDAY.plusDays(2), Session.AM, jago, "I");
        submit(MONDAY.plusDays(2), Session.AM, jago, "I");
        submit(MONDAY.plusDays(2), Session.PM, jago, "N");
        assertThat(toldAbout(reference)).hasSize(1);
    }

    @Test
    void aTextAboutAChildAlreadyMarkedAbsentIsRecordedAtOnceAndTellsTheFamilyNothingMore() {
        submit(MONDAY.plusDays(3), Session.AM, iris, "N");
        clock.set(LocalDateTime.of(MONDAY.plusDays(3), LocalTime.of(9, 31)), LONDON);
        long id = fromTheirText(iris, MONDAY.plusDays(3), "Iris is poorly today");
        String reference = "A" + id;
        assertThat(report(id).at("/status/status").asText()).isEqualTo("RECORDED");
        submit(MONDAY.plusDays(3), Session.PM, iris, "N");
        submit(MONDAY.plusDays(3), Session.AM, iris, "I");
        assertThat(toldAbout(reference)).as("the reply to their text is the one answer").isEmpty();
    }

    /** As the reply reader files it: in the SMS-reply job's scope, on the text's channel, from the contact who texted. */
    private long fromTheirText(PupilView child, LocalDate day, String words) {
        return absences.reportFromFamily(uk.openattendance.security.SchoolScope.forJob(uk.openattendance.security.Purpose.SMS_REPLY, school.id()),
                new uk.openattendance.absence.app.ReportAbsence(List.of(child.id()), day, Session.AM, day, Session.PM, null,
                        uk.openattendance.absence.domain.ReportCategory.ILLNESS, words, false, parentContactId),
                uk.openattendance.absence.domain.ReportChannel.SMS_REPLY, "Parent reply from Tamsin Acknowledge (Mother)", null).get(0).id();
    }

    private void submit(LocalDate date, Session session, PupilView child, String code) {
        clock.set(LocalDateTime.of(date, session == Session.AM ? LocalTime.of(8, 55) : LocalTime.of(13, 15)), LONDON);
        registers.submit(SYSTEM, school.id(), date, session, new SubmitRegister(List.of(new SubmitRegister.Entry(child.id(), code, null, null, null)), null));
    }

    private JsonNode report(long id) {
        for (JsonNode r : api.get(base() + "/absence-reports", parent).json().get("items")) {
            if (r.at("/report/id").asLong() == id) {
                return r;
            }
        }
        throw new AssertionError("report " + id + " not listed");
    }

    private JsonNode leave(long id) {
        Api.Response r = api.get(base() + "/leave-requests", parent);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode l : r.json().get("items")) {
            if (l.at("/request/id").asLong() == id) {
                return l;
            }
        }
        throw new AssertionError("leave request " + id + " not listed: " + r.body());
    }

    /** Every message the school queued or sent that names this reference, newest first (as the office's list shows them). */
    private List<JsonNode> toldAbout(String reference) {
        Api.Response r = api.get("/api/v1/schools/" + school.id() + "/messages?size=200", head);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().get("items").forEach(m -> {
            if (m.get("body").asText().contains("(reference " + reference + ")")) {
                out.add(m);
            }
        });
        return out;
    }

    private void take(LocalDate date, Session session, String irisCode) {
        clock.set(LocalDateTime.of(date, session == Session.AM ? LocalTime.of(8, 55) : LocalTime.of(13, 15)), LONDON);
        registers.submit(SYSTEM, school.id(), date, session, new SubmitRegister(List.of(new SubmitRegister.Entry(iris.id(), irisCode, null, null, null),
                new SubmitRegister.Entry(jago.id(), "/", null, null, null)), null));
    }

    private String base() {
        return "/api/v1/public/schools/" + school.id() + "/parent";
    }
}
