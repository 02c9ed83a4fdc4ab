package uk.openattendance.parent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.letters.app.LetterRuns;
import uk.openattendance.letters.app.LetterService;
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
 * A parent's view of their own child, over real HTTP against the real database: this year's figures as staff see them,
 * this week's marks in words, the letters and messages sent to them and their absence reports; and nothing of another
 * family's, through REST or GraphQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParentViewIT {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);
    static final Actor SYSTEM = Actor.bootstrap("tests");

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject RegisterService registers;
    @Inject ContactService contacts;
    @Inject LetterRuns letterRuns;
    @Inject LetterService letters;
    @Inject Dispatcher dispatcher;
    @Inject TokenGenerator tokens;

    Api api;
    TestWorld.School school;
    TestWorld.School otherSchool;
    PupilView amara;
    PupilView olive;
    String fay;
    String oscar;
    String head;
    long amarasLetter;
    long olivesLetter;

    @BeforeAll
    void twoFamiliesAtOneSchool() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(8, 0)), LONDON);
        api = new Api(server.getURL().toString());
        school = world.school(world.trust(), PolicyPresets.PRIMARY_PORTSMOUTH);
        otherSchool = world.school(world.trust(), PolicyPresets.PRIMARY_PORTSMOUTH);
        amara = world.pupil(school, "Amara", "Fenwick", MONDAY.minusWeeks(10), 0, Characteristics.none());
        olive = world.pupil(school, "Olive", "Otterburn", MONDAY.minusWeeks(10), 0, Characteristics.none());
        long fayId = contact(amara, "Fay Fenwick", "fay.fenwick@example.org");
        long oscarId = contact(olive, "Oscar Otterburn", "oscar.otterburn@example.org");
        // Monday: Amara in, then off ill; Tuesday: late before the register closed, then away with no reason given
        take(MONDAY, Session.AM, "/", "/");
        take(MONDAY, Session.PM, "I", "/");
        take(MONDAY.plusDays(1), Session.AM, "L", "O");
        take(MONDAY.plusDays(1), Session.PM, "O", "/");
        // Wednesday 10:00: each family's improvement-meeting letter is approved, emailed and the email goes out
        clock.set(LocalDateTime.of(MONDAY.plusDays(2), LocalTime.of(10, 0)), LONDON);
        amarasLetter = letterRuns.recordImprovementMeeting(SYSTEM, school.id(), amara.id(),
                new LetterRuns.RecordMeeting(MONDAY, "Amara arrives by 8:45 every day", MONDAY.plusDays(28))).id();
        olivesLetter = letterRuns.recordImprovementMeeting(SYSTEM, school.id(), olive.id(),
                new LetterRuns.RecordMeeting(MONDAY, "Olive arrives by 8:45 every day", MONDAY.plusDays(28))).id();
        letters.approve(SYSTEM, school.id(), List.of(amarasLetter, olivesLetter));
        letters.email(SYSTEM, school.id(), List.of(amarasLetter, olivesLetter));
        dispatcher.dispatchDue(List.of(school.id()));
        fay = parentToken(fayId, school.id());
        oscar = parentToken(oscarId, school.id());
        head = world.staffLogin(api, Role.HEADTEACHER, school.id(), null);
    }

    @Test
    void aParentSeesTheirChildsYearFiguresExactlyAsStaffSeeThem() {
        JsonNode children = get(fay, "/attendance").json().get("items");
        assertThat(children).hasSize(1);
        JsonNode child = children.get(0);
        assertThat(child.get("pupilId").asLong()).isEqualTo(amara.id());
        JsonNode staffs = api.get("/api/v1/schools/" + school.id() + "/pupils/" + amara.id() + "/attendance", head).json();
        assertThat(child.get("thisYear").get("figures")).isEqualTo(staffs.get("figures"));
        assertThat(child.get("thisYear").get("window")).isEqualTo(staffs.get("window"));
        assertThat(child.at("/thisYear/figures/possibleSessions").asInt()).isEqualTo(4);
        assertThat(child.at("/thisYear/figures/attended").asInt()).isEqualTo(2);
    }

    @Test
    void thisWeeksMarksReadAsWordsNotCodes() {
        JsonNode week = get(fay, "/attendance").json().get("items").get(0).get("thisWeek");
        List<String> words = new ArrayList<>();
        week.forEach(m -> words.add(m.get("date").asText() + " " + m.get("session").asText() + ": " + m.get("words").asText()));
        assertThat(words).containsExactly(
                MONDAY + " AM: Present (morning)",
                MONDAY + " PM: Absent: illness (authorised)",
                MONDAY.plusDays(1) + " AM: Late, but arrived before the register closed (counts as present)",
                MONDAY.plusDays(1) + " PM: Absent: no reason accepted (unauthorised)");
        week.forEach(m -> assertThat(m.has("code")).isFalse());
    }

    @Test
    void aParentListsTheLettersSentToThemAndDownloadsTheirPdf() throws Exception {
        JsonNode mine = get(fay, "/letters").json().get("items");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("id").asLong()).isEqualTo(amarasLetter);
        assertThat(mine.get(0).get("delivery").asText()).isEqualTo("EMAIL");
        HttpResponse<byte[]> pdf = pdf(fay, amarasLetter);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Amara").doesNotContain("Otterburn");
        }
    }

    @Test
    void aParentSeesTheMessagesSentToThemAndNoOneElses() {
        JsonNode mine = get(fay, "/messages").json().get("items");
        assertThat(mine).isNotEmpty();
        mine.forEach(m -> assertThat(m.get("to").asText()).isEqualTo("fay.fenwick@example.org"));
        assertThat(mine.toString()).doesNotContain("Otterburn").doesNotContain("oscar.otterburn");
        assertThat(get(oscar, "/messages").json().get("items").toString()).doesNotContain("Fenwick");
    }

    @Test
    void aReportedAbsenceIsListedWithItsReferenceAndStatus() {
        clock.set(LocalDateTime.of(MONDAY.plusDays(2), LocalTime.of(7, 30)), LONDON);
        Api.Response made = api.post(base() + "/absence-reports", fay, "{\"pupilIds\":[" + amara.id() + "],\"firstDate\":\"" + MONDAY.plusDays(3)
                + "\",\"category\":\"ILLNESS\",\"reason\":\"A high temperature\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long reference = made.json().get(0).get("id").asLong();
        JsonNode listed = get(fay, "/absence-reports").json().get("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.at("/0/report/id").asLong()).isEqualTo(reference);
        assertThat(listed.at("/0/status/status").asText()).isEqualTo("RECEIVED");
        assertThat(get(oscar, "/absence-reports").json().get("items")).isEmpty();
        JsonNode gql = api.graphql(fay, "{ myAbsenceReports(schoolId: " + school.id() + ") { nodes { report { databaseId pupilName } status statusWords } } }").json();
        assertThat(gql.at("/data/myAbsenceReports/nodes/0/report/databaseId").asLong()).isEqualTo(reference);
        assertThat(gql.at("/data/myAbsenceReports/nodes/0/status").asText()).isEqualTo("RECEIVED");
    }

    @Test
    void anotherFamilysLetterCannotBeReachedByRestOrGraphql() {
        HttpResponse<byte[]> theirs = pdf(fay, olivesLetter);
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(theirs.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(new String(theirs.body())).doesNotContain("Otterburn").doesNotContain("Olive");
        assertThat(get(fay, "/letters").body()).doesNotContain("Otterburn");
        Api.Response gql = api.graphql(fay, "{ myLetters(schoolId: " + school.id() + ") { nodes { id pupilName subject } } myChildrensAttendance(schoolId: "
                + school.id() + ") { nodes { name thisWeek { words } } } myMessages(schoolId: " + school.id() + ") { nodes { to body } } }");
        assertThat(gql.body()).contains("Amara").doesNotContain("Otterburn").doesNotContain("oscar.otterburn");
        assertThat(gql.json().at("/data/myLetters/nodes")).hasSize(1);
        assertThat(gql.json().at("/data/myLetters/nodes/0/id").asLong()).isEqualTo(amarasLetter);
    }

    @Test
    void eachMarkSaysHowItCountsSoTheWeekCanBeDrawnAsSessionsAttended() {
        JsonNode week = get(fay, "/attendance").json().get("items").get(0).get("thisWeek");
        List<String> counts = new ArrayList<>();
        week.forEach(m -> counts.add(m.get("counts").asText()));
        assertThat(counts).containsExactly("PRESENT", "AUTHORISED_ABSENCE", "PRESENT", "UNAUTHORISED_ABSENCE");
        JsonNode gql = api.graphql(fay, "{ myChildrensAttendance(schoolId: " + school.id() + ") { nodes { thisWeek { words counts } } } }").json();
        assertThat(gql.at("/data/myChildrensAttendance/nodes/0/thisWeek/1/counts").asText()).as(gql.toString()).isEqualTo("AUTHORISED_ABSENCE");
    }

    @Test
    void aParentTokenCannotReachAnotherFamilysChildByRestOrGraphql() {
        // reading: nothing of Olive in any of Fay's lists, by REST or GraphQL
        for (String path : List.of("/children", "/attendance", "/letters", "/messages", "/absence-reports", "/leave-requests")) {
            assertThat(get(fay, path).body()).as(path).doesNotContain("Otterburn").doesNotContain("oscar.otterburn");
        }
        Api.Response read = api.graphql(fay, "{ myChildren(schoolId: " + school.id() + ") { nodes { name } } myChildrensAttendance(schoolId: " + school.id()
                + ") { nodes { pupilId name } } myAbsenceReports(schoolId: " + school.id() + ") { nodes { reference report { pupilName } } } myLeaveRequests(schoolId: "
                + school.id() + ") { nodes { reference request { pupilName } } } }");
        assertThat(read.body()).contains("Amara").doesNotContain("Otterburn");
        // acting: a report or a leave request naming Olive is refused, and nothing is recorded for her
        String olives = "{\"pupilIds\":[" + olive.id() + "],\"firstDate\":\"" + MONDAY.plusDays(3) + "\",\"category\":\"ILLNESS\",\"reason\":\"Not mine\"}";
        Api.Response rest = api.post(base() + "/absence-reports", fay, olives);
        assertThat(rest.status()).as(rest.body()).isIn(403, 404, 422);
        assertThat(rest.contentType()).startsWith("application/problem+json");
        Api.Response gql = api.graphql(fay, "mutation { reportMyChildrensAbsence(schoolId: " + school.id() + ", report: { pupilIds: [" + olive.id()
                + "], firstDate: \"" + MONDAY.plusDays(3) + "\", category: ILLNESS, reason: \"Not mine\" }) { id } }");
        assertThat(gql.json().at("/errors/0/extensions/code").asText()).as(gql.body()).isEqualTo("NOT_YOUR_CHILD");
        Api.Response leave = api.graphql(fay, "mutation { requestMyChildsLeave(schoolId: " + school.id() + ", request: { pupilId: " + olive.id()
                + ", ground: EXCEPTIONAL_CIRCUMSTANCES, firstDate: \"" + MONDAY.plusWeeks(4) + "\", lastDate: \"" + MONDAY.plusWeeks(4)
                + "\", reason: \"Not mine\" }) { id } }");
        assertThat(leave.json().at("/errors/0/extensions/code").asText()).as(leave.body()).isEqualTo("NOT_YOUR_CHILD");
        assertThat(get(oscar, "/absence-reports").json().get("items")).isEmpty();
        assertThat(get(oscar, "/leave-requests").json().get("items")).isEmpty();
    }

    @Test
    void theOtherFamilySeesOnlyTheirOwnChild() {
        JsonNode theirs = get(oscar, "/attendance").json().get("items");
        assertThat(theirs).hasSize(1);
        assertThat(theirs.get(0).get("name").asText()).contains("Olive");
        assertThat(get(oscar, "/letters").json().get("items").get(0).get("id").asLong()).isEqualTo(olivesLetter);
        assertThat(pdf(oscar, amarasLetter).statusCode()).isEqualTo(404);
    }

    @Test
    void aParentTokenReachesNothingAtAnotherSchool() {
        for (String path : List.of("/attendance", "/letters", "/messages", "/absence-reports")) {
            Api.Response r = api.get("/api/v1/public/schools/" + otherSchool.id() + "/parent" + path, fay);
            assertThat(r.status()).as(path + " " + r.body()).isIn(403, 404);
            assertThat(r.contentType()).as(path).startsWith("application/problem+json");
            assertThat(r.body()).doesNotContain("Fenwick");
        }
        Api.Response gql = api.graphql(fay, "{ myLetters(schoolId: " + otherSchool.id() + ") { nodes { id } } }");
        assertThat(gql.json().at("/data/myLetters").isNull() || gql.json().at("/data/myLetters").isMissingNode()).as(gql.body()).isTrue();
        assertThat(gql.json().at("/errors/0/extensions/code").asText()).isEqualTo("NOT_YOUR_CHILD");
    }

    @Test
    void staffCannotUseTheParentsView() {
        Api.Response r = api.get(base() + "/letters", head);
        assertThat(r.status()).isIn(403, 404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).doesNotContain("Fenwick");
    }

    private long contact(PupilView p, String name, String email) {
        return contacts.addContact(SYSTEM, school.id(), p.id(), new ContactCommand(name, "Mother", true, true, 1,
                String.format("07700 900%03d", TestWorld.next() % 1000), email, Channel.EMAIL, false, null)).contactId();
    }

    private void take(LocalDate date, Session session, String amarasCode, String olivesCode) {
        // Copnor is on time until 9:00 ("registers close at 9:00"), so a late mark comes with its arrival after it
        boolean late = "L".equals(amarasCode);
        clock.set(LocalDateTime.of(date, session == Session.AM ? (late ? LocalTime.of(9, 6) : LocalTime.of(8, 55)) : LocalTime.of(13, 15)), LONDON);
        registers.submit(SYSTEM, school.id(), date, session, new SubmitRegister(List.of(new SubmitRegister.Entry(amara.id(), amarasCode,
                late ? LocalTime.of(9, 5) : null, null, null),
                new SubmitRegister.Entry(olive.id(), olivesCode, null, null, null)), null));
    }

    private String base() {
        return "/api/v1/public/schools/" + school.id() + "/parent";
    }

    private Api.Response get(String token, String path) {
        Api.Response r = api.get(base() + path, token);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        return r;
    }

    private HttpResponse<byte[]> pdf(String token, long letterId) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURL() + base() + "/letters/" + letterId + "/pdf"))
                    .header("Authorization", token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Minted as the sign-in mints it (the sign-in itself is tested in AbsenceReportIT): only what the token reaches matters here. */
    private String parentToken(long contactId, long schoolId) {
        return "Bearer " + tokens.generateToken(Authentication.build("parent:" + contactId, List.of("PARENT"), Map.of("schoolId", schoolId)), 3600)
                .orElseThrow();
    }
}
