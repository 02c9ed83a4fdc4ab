package uk.openattendance.leave;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SubmitRegister;
import uk.openattendance.roll.app.Characteristics;
import uk.openattendance.roll.app.ContactCommand;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.ContactView;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Role;

/** Leave of absence over HTTP: the office records, the rules advise, the headteacher decides, the register follows. */
@MicronautTest(transactional = false)
class LeaveRequestIT {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final LocalDate LEAVE_MONDAY = LocalDate.of(2026, 12, 7);
    static final Actor SYSTEM = Actor.bootstrap("tests");

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject ContactService contacts;
    @Inject RegisterService registers;

    record Setup(TestWorld.School school, PupilView pupil, PupilView classmate, ContactView mother, String office, String head, Api api) {
        String base() {
            return "/api/v1/schools/" + school.id();
        }
    }

    Setup setup(String preset) {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(8, 30)), LONDON);
        TestWorld.School school = world.school(world.trust(), preset);
        // a pupil who joined last year: their first term (when Gloucestershire refuses leave) is long past
        PupilView pupil = world.pupil(school, "Isla", "Leaveasker", LocalDate.of(2025, 9, 3), 0, Characteristics.none());
        PupilView classmate = world.pupil(school, "Noah", "Classmate");
        ContactView mother = contacts.addContact(SYSTEM, school.id(), pupil.id(), new ContactCommand("Rhian Leaveasker", "Mother", true, true, 1,
                String.format("07700 900%03d", TestWorld.next() % 1000), "rhian.leaveasker@example.org", Channel.SMS, false, null));
        Api api = new Api(server.getURL().toString());
        return new Setup(school, pupil, classmate, mother, world.staffLogin(api, Role.OFFICE, school.id(), null),
                world.staffLogin(api, Role.HEADTEACHER, school.id(), null), api);
    }

    String request(Setup s, String ground, LocalDate first, LocalDate last, String extra) {
        return "{\"pupilId\":" + s.pupil().id() + ",\"ground\":\"" + ground + "\",\"firstDate\":\"" + first + "\",\"lastDate\":\"" + last
                + "\",\"reason\":\"Grandmother's ninetieth birthday in Cork\",\"requesterContactId\":" + s.mother().contactId() + extra + "}";
    }

    JsonNode recorded(Setup s, String body) {
        var r = s.api().post(s.base() + "/leave-requests", s.office(), body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static List<String> rules(JsonNode request) {
        return StreamSupport.stream(request.at("/advice/points").spliterator(), false).map(p -> p.get("rule").asText()).toList();
    }

    @Test
    void approvedLeavePreCodesTheRegisterWithItsGroundsCode() {
        Setup s = setup(PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        JsonNode req = recorded(s, request(s, "EXCEPTIONAL_CIRCUMSTANCES", LEAVE_MONDAY, LEAVE_MONDAY.plusDays(1), ""));
        assertThat(req.get("schoolDays").asDouble()).isEqualTo(2.0);
        assertThat(req.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(req.at("/advice/leaning").asText()).isEqualTo("NO_CONCERNS");

        var decided = s.api().post(s.base() + "/leave-requests/" + req.get("id").asLong() + "/decision", s.head(),
                "{\"outcome\":\"APPROVE\",\"note\":\"Approved: a family occasion that cannot be moved\",\"version\":" + req.get("version").asLong() + "}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().get("status").asText()).isEqualTo("APPROVED");

        clock.set(LocalDateTime.of(LEAVE_MONDAY, LocalTime.of(8, 50)), LONDON);
        registers.submit(SYSTEM, s.school().id(), LEAVE_MONDAY, Session.AM, new SubmitRegister(List.of(new SubmitRegister.Entry(s.classmate().id(), "/",
                null, null, null), new SubmitRegister.Entry(s.pupil().id(), null, null, null, null)), null));
        var mark = registers.currentMarks(SYSTEM, s.school().id(), LEAVE_MONDAY, Session.AM, List.of(s.pupil().id())).get(s.pupil().id());
        assertThat(mark).isNotNull();
        assertThat(mark.code()).isEqualTo("C");
    }

    @Test
    void theOfficeCannotDecideOnlyTheHeadteacherAndADecisionIsMadeOnce() {
        Setup s = setup(PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        JsonNode req = recorded(s, request(s, "INTERVIEW", LEAVE_MONDAY, LEAVE_MONDAY, ""));
        String path = s.base() + "/leave-requests/" + req.get("id").asLong() + "/decision";
        assertThat(s.api().post(path, s.office(), "{\"outcome\":\"APPROVE\"}").status()).isEqualTo(403);
        assertThat(s.api().post(path, s.head(), "{\"outcome\":\"REFUSE\"}").json().at("/errors/0/field").asText()).isEqualTo("note");
        assertThat(s.api().post(path, s.head(), "{\"outcome\":\"APPROVE\"}").status()).isEqualTo(200);
        var again = s.api().post(path, s.head(), "{\"outcome\":\"REFUSE\",\"note\":\"Changed my mind\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(s.api().get(s.base() + "/leave-requests/" + req.get("id").asLong(), s.office()).json().get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void partApprovalPreCodesOnlyThePartAndRefusedDaysTakenBecomeGWhenTheOfficeConfirms() {
        Setup s = setup(PolicyPresets.PRIMARY_PORTSMOUTH);
        JsonNode req = recorded(s, request(s, "EXCEPTIONAL_CIRCUMSTANCES", LEAVE_MONDAY, LEAVE_MONDAY.plusDays(4), ""));
        long id = req.get("id").asLong();
        var decided = s.api().post(s.base() + "/leave-requests/" + id + "/decision", s.head(), "{\"outcome\":\"APPROVE_PART\",\"approvedFromDate\":\""
                + LEAVE_MONDAY + "\",\"approvedToDate\":\"" + LEAVE_MONDAY.plusDays(1) + "\",\"note\":\"Two days for the funeral; not the rest of the week\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        JsonNode sessions = decided.json().get("sessions");
        assertThat(StreamSupport.stream(sessions.spliterator(), false).filter(x -> x.get("approved").asBoolean()).count()).isEqualTo(4);
        assertThat(sessions.size()).isEqualTo(10);

        for (int day = 0; day < 5; day++) {
            LocalDate d = LEAVE_MONDAY.plusDays(day);
            for (Session session : Session.values()) {
                clock.set(LocalDateTime.of(d, session == Session.AM ? LocalTime.of(8, 50) : LocalTime.of(13, 5)), LONDON);
                List<SubmitRegister.Entry> marks = new ArrayList<>(List.of(new SubmitRegister.Entry(s.classmate().id(), "/", null, null, null)));
                marks.add(new SubmitRegister.Entry(s.pupil().id(), day >= 2 ? "N" : null, null, null, null));
                registers.submit(SYSTEM, s.school().id(), d, session, new SubmitRegister(marks, null));
            }
        }
        clock.set(LocalDateTime.of(LEAVE_MONDAY.plusDays(7), LocalTime.of(9, 30)), LONDON);
        var taken = s.api().post(s.base() + "/leave-requests/" + id + "/refused-leave-taken", s.office(), "{}");
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(taken.json().get("marksRecodedAsG").asInt()).isEqualTo(6);
        var codes = registers.marksOfPupil(SYSTEM, s.school().id(), s.pupil().id(), LEAVE_MONDAY, LEAVE_MONDAY.plusDays(4)).stream()
                .map(m -> m.date().getDayOfWeek() + " " + m.session() + " " + m.code()).toList();
        assertThat(codes).containsExactlyInAnyOrder("MONDAY AM C", "MONDAY PM C", "TUESDAY AM C", "TUESDAY PM C", "WEDNESDAY AM G", "WEDNESDAY PM G",
                "THURSDAY AM G", "THURSDAY PM G", "FRIDAY AM G", "FRIDAY PM G");
        var history = s.api().get(s.base() + "/pupils/" + s.pupil().id() + "/mark-history", s.office());
        assertThat(history.body()).contains("Leave refused (request " + id + ") and taken");
    }

    @Test
    void overGraphqlTheHeadteacherApprovesPartAndTheFamilyIsEmailedTheDecisionLetter() {
        Setup s = setup(PolicyPresets.LOWER_SCHOOL_BEDFORDSHIRE);
        long school = s.school().id();
        var asked = s.api().graphql(s.office(), "mutation { requestLeave(schoolId: " + school + ", request: {pupilId: \"" + s.pupil().id()
                + "\", ground: EXCEPTIONAL_CIRCUMSTANCES, firstDate: \"" + LEAVE_MONDAY + "\", lastDate: \"" + LEAVE_MONDAY.plusDays(2)
                + "\", reason: \"A family funeral in Cork\", requesterContactId: \"" + s.mother().contactId() + "\"}) { id status schoolDays version "
                + "advice { leaning points { rule reason } } } }");
        assertThat(asked.json().at("/errors").isMissingNode()).as(asked.body()).isTrue();
        JsonNode req = asked.json().at("/data/requestLeave");
        assertThat(req.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(req.get("schoolDays").asDouble()).isEqualTo(3.0);

        String decide = "mutation { decideLeaveRequest(schoolId: " + school + ", id: \"" + req.get("id").asText() + "\", decision: {outcome: APPROVE_PART, "
                + "approvedFromDate: \"" + LEAVE_MONDAY + "\", approvedToDate: \"" + LEAVE_MONDAY + "\", note: \"The day of the funeral only\", version: "
                + req.get("version").asInt() + "}) { status decidedBy sessions { date session approved } } }";
        assertThat(s.api().graphql(s.office(), decide).json().at("/errors/0/extensions/code").asText()).isEqualTo("PERMISSION_DENIED");
        var decided = s.api().graphql(s.head(), decide);
        assertThat(decided.json().at("/data/decideLeaveRequest/status").asText()).as(decided.body()).isEqualTo("PART_APPROVED");

        var letters = s.api().graphql(s.office(), "{ pupilLetters(schoolId: " + school + ", pupilId: \"" + s.pupil().id() + "\") { nodes { kind status approvedBy "
                + "delivery bodyHtml facts } } }").json().at("/data/pupilLetters/nodes");
        assertThat(letters.size()).isEqualTo(1);
        assertThat(letters.get(0).get("kind").asText()).isEqualTo("LEAVE_DECISION");
        assertThat(letters.get(0).get("status").asText()).isEqualTo("SENT");
        assertThat(letters.get(0).get("approvedBy").asText()).contains("Headteacher");
        assertThat(letters.get(0).get("bodyHtml").asText()).contains("approved part of").contains("The day of the funeral only")
                .contains("recorded as unauthorised");
        assertThat(letters.get(0).get("facts").asText()).contains("\"decision\":\"approved part of\"");
        var emails = s.api().graphql(s.office(), "{ messages(schoolId: " + school + ", purpose: \"LETTER\") { nodes { channel to subject body } } }")
                .json().at("/data/messages/nodes");
        assertThat(emails.size()).isEqualTo(1);
        assertThat(emails.get(0).get("to").asText()).isEqualTo("rhian.leaveasker@example.org");
        assertThat(emails.get(0).get("subject").asText()).isEqualTo("Your request for leave for Isla");
    }

    @Test
    void theAdviceNamesEachOfTheSchoolsRulesThatSpeaksAgainstARequest() {
        Setup s = setup(PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        assertThat(s.api().post(s.base() + "/assessment-periods", s.head(), "{\"name\":\"KS2 SATs week\",\"startsOn\":\"" + MONDAY.plusDays(10)
                + "\",\"endsOn\":\"" + MONDAY.plusDays(14) + "\"}").status()).isEqualTo(201);
        ContactView aunt = contacts.addContact(SYSTEM, s.school().id(), s.pupil().id(), new ContactCommand("Ffion Auntie", "Aunt", false, false, 3,
                String.format("07700 900%03d", TestWorld.next() % 1000), null, Channel.SMS, false, null));
        String body = "{\"pupilId\":" + s.pupil().id() + ",\"ground\":\"RELIGIOUS_OBSERVANCE\",\"festival\":\"Diwali\",\"firstDate\":\"" + MONDAY.plusDays(9)
                + "\",\"lastDate\":\"" + MONDAY.plusDays(14) + "\",\"reason\":\"Diwali with family\",\"requesterContactId\":" + aunt.contactId() + "}";
        JsonNode req = recorded(s, body);
        assertThat(rules(req)).containsExactlyInAnyOrder("REQUESTER", "NOTICE", "ASSESSMENT", "RELIGIOUS_PER_FESTIVAL", "RELIGIOUS_PER_YEAR");
        assertThat(req.at("/advice/leaning").asText()).isEqualTo("LIKELY_REFUSE");
        assertThat(req.at("/advice/points").toString()).contains("KS2 SATs week").contains("14 days' notice");
    }

    @Test
    void badRequestsAreRefusedWithTheFieldAndNothingIsRecorded() {
        Setup s = setup(PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        TestWorld.School other = world.school();
        PupilView elsewhere = world.pupil(other, "Ava", "Elsewhere");
        Map<String, String> cases = Map.of(
                request(s, "EXCEPTIONAL_CIRCUMSTANCES", LEAVE_MONDAY.plusDays(2), LEAVE_MONDAY, ""), "lastDate",
                request(s, "EXCEPTIONAL_CIRCUMSTANCES", MONDAY.minusDays(7), MONDAY.minusDays(6), ""), "firstDate",
                request(s, "EXCEPTIONAL_CIRCUMSTANCES", LEAVE_MONDAY.minusDays(1), LEAVE_MONDAY, ""), "firstDate",
                request(s, "HOLIDAY_IN_THE_SUN", LEAVE_MONDAY, LEAVE_MONDAY, ""), "ground",
                request(s, "RELIGIOUS_OBSERVANCE", LEAVE_MONDAY, LEAVE_MONDAY, ""), "festival",
                request(s, "INTERVIEW", LEAVE_MONDAY, LEAVE_MONDAY, "").replace("\"pupilId\":" + s.pupil().id(), "\"pupilId\":" + elsewhere.id()), "pupilId");
        cases.forEach((body, field) -> {
            var r = s.api().post(s.base() + "/leave-requests", s.office(), body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.body()).as(body).contains(field);
        });
        assertThat(s.api().get(s.base() + "/leave-requests", s.office()).json().get("items").size()).isZero();

        long id = recorded(s, request(s, "INTERVIEW", LEAVE_MONDAY, LEAVE_MONDAY, "")).get("id").asLong();
        var text = upload(s, id, "notes.txt", "text/plain", "just some words".getBytes());
        assertThat(text.status()).as(text.body()).isEqualTo(415);
        var disguised = upload(s, id, "letter.pdf", "application/pdf", "<html>not a pdf</html>".getBytes());
        assertThat(disguised.status()).isEqualTo(415);
        var huge = upload(s, id, "scan.pdf", "application/pdf", pdfOf(4 * 1024 * 1024 + 10));
        assertThat(huge.status()).as(huge.body()).isIn(413);
        var fine = upload(s, id, "interview-letter.pdf", "application/pdf", pdfOf(2000));
        assertThat(fine.status()).as(fine.body()).isEqualTo(201);
        JsonNode docs = s.api().get(s.base() + "/leave-requests/" + id, s.office()).json().get("documents");
        assertThat(docs.size()).isEqualTo(1);
        var download = s.api().get(s.base() + "/leave-requests/" + id + "/documents/" + docs.get(0).get("id").asLong(), s.office());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/pdf");
    }

    static byte[] pdfOf(int size) {
        byte[] b = new byte[size];
        byte[] head = "%PDF-1.4\n".getBytes();
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    static Api.Response upload(Setup s, long id, String name, String type, byte[] content) {
        String boundary = "----leave" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name + "\"\r\nContent-Type: " + type
                + "\r\n\r\n").getBytes());
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes());
        return s.api().sendBytes("POST", s.base() + "/leave-requests/" + id + "/documents", s.office(), out.toByteArray(),
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
    }
}
