package uk.openattendance.absence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.ParentPhone;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.notify.app.Dispatcher;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.register.app.RegisterService;
import uk.openattendance.register.app.SubmitRegister;
import uk.openattendance.roll.app.ContactCommand;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Role;

/** Absence reports from the office and from parents signed in with a one-time code, through the school's own website. */
@MicronautTest(transactional = false)
class AbsenceReportIT {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final Actor SYSTEM = Actor.bootstrap("tests");

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject ContactService contacts;
    @Inject RegisterService registers;
    @Inject Dispatcher dispatcher;
    @Inject ParentPhone phone;

    record Setup(TestWorld.School school, PupilView amelia, PupilView other, String mobile, String origin, String office, Api api) {}

    Setup setup() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(8, 51)), LONDON);
        TestWorld.School school = world.school();
        PupilView amelia = world.pupil(school, "Amelia", "Webform");
        PupilView other = world.pupil(school, "Oliver", "Otherfamily");
        String mobile = String.format("07700 900%03d", TestWorld.next() % 1000);
        contacts.addContact(SYSTEM, school.id(), amelia.id(), new ContactCommand("Sam Webform", "Mother", true, true, 1, mobile, "sam.webform@example.org",
                Channel.SMS, false, null));
        registers.submit(SYSTEM, school.id(), MONDAY, Session.AM, new SubmitRegister(List.of(new SubmitRegister.Entry(amelia.id(), "N", null, null, null),
                new SubmitRegister.Entry(other.id(), "N", null, null, null)), null));
        Api api = new Api(server.getURL().toString());
        String origin = world.allowedOrigin(school);
        return new Setup(school, amelia, other, mobile, origin, world.staffLogin(api, Role.OFFICE, school.id(), null), api);
    }

    String base(Setup s) {
        return "/api/v1/public/schools/" + s.school().id() + "/parent";
    }

    @Test
    void aParentSignsInWithACodeFromTheSchoolsWebsiteAndReportsTheirChildIll() {
        Setup s = setup();
        Map<String, String> fromSite = Map.of("Origin", s.origin());
        var preflight = s.api().send("OPTIONS", base(s) + "/absence-reports", null, null, Map.of("Origin", s.origin(),
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type"));
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(s.origin());

        var started = s.api().send("POST", base(s) + "/sign-in", null, "{\"mobile\":\"" + s.mobile() + "\"}", fromSite);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.header("Access-Control-Allow-Origin")).isEqualTo(s.origin());
        assertThat(started.json().get("sentTo").asText()).endsWith(s.mobile().substring(s.mobile().length() - 3));
        dispatcher.dispatchDue(List.of(s.school().id()));
        String code = phone.lastCodeTo(ParentPhone.e164(s.mobile()));

        String challenge = started.json().get("challenge").asText();
        var wrong = s.api().send("POST", base(s) + "/verify", null, "{\"challenge\":\"" + challenge + "\",\"code\":\"000000\"}", fromSite);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).contains("problem+json");
        var signedIn = s.api().send("POST", base(s) + "/verify", null, "{\"challenge\":\"" + challenge + "\",\"code\":\"" + code + "\"}", fromSite);
        assertThat(signedIn.status()).isEqualTo(200);
        String parent = "Bearer " + signedIn.json().get("accessToken").asText();
        var reuse = s.api().send("POST", base(s) + "/verify", null, "{\"challenge\":\"" + challenge + "\",\"code\":\"" + code + "\"}", fromSite);
        assertThat(reuse.status()).as("a code works once").isEqualTo(401);

        var children = s.api().send("GET", base(s) + "/children", parent, null, fromSite);
        assertThat(children.status()).isEqualTo(200);
        assertThat(children.json().get("items").findValuesAsText("name")).containsExactly("Amelia Webform");

        var notMine = s.api().send("POST", base(s) + "/absence-reports?channel=WEB_FORM", parent, "{\"pupilIds\":[" + s.other().id() + "],\"firstDate\":\""
                + MONDAY + "\",\"category\":\"ILLNESS\",\"reason\":\"ill\"}", fromSite);
        assertThat(notMine.status()).as("another family's child").isEqualTo(404);

        var reported = s.api().send("POST", base(s) + "/absence-reports?channel=WEB_FORM", parent, "{\"pupilIds\":[" + s.amelia().id() + "],\"firstDate\":\""
                + MONDAY + "\",\"category\":\"ILLNESS\",\"reason\":\"High temperature overnight\"}", fromSite);
        assertThat(reported.status()).isEqualTo(201);
        assertThat(reported.json().at("/0/marksExplained").asInt()).isEqualTo(1);
        var mark = registers.currentMarks(SYSTEM, s.school().id(), MONDAY, Session.AM, List.of(s.amelia().id())).get(s.amelia().id());
        assertThat(mark.code()).isEqualTo("I");
        var history = s.api().get("/api/v1/schools/" + s.school().id() + "/pupils/" + s.amelia().id() + "/mark-history", s.office());
        assertThat(history.body()).contains("Parent web form: High temperature overnight");

        // the office's list shows the report; the parent token reaches nothing of the office's
        assertThat(s.api().get("/api/v1/schools/" + s.school().id() + "/absence-reports?date=" + MONDAY, s.office()).json().get("items").findValuesAsText("channel"))
                .containsExactly("WEB_FORM");
        assertThat(s.api().get("/api/v1/schools/" + s.school().id() + "/pupils", parent).status()).isEqualTo(404);
    }

    @Test
    void anotherWebsiteCannotUseTheSchoolsFormAndUnknownNumbersLearnNothing() {
        Setup s = setup();
        var elsewhere = s.api().send("POST", base(s) + "/sign-in", null, "{\"mobile\":\"" + s.mobile() + "\"}", Map.of("Origin", "https://elsewhere.example.org"));
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.body()).contains("ORIGIN_NOT_ALLOWED");
        var preflight = s.api().send("OPTIONS", base(s) + "/sign-in", null, null, Map.of("Origin", "https://elsewhere.example.org",
                "Access-Control-Request-Method", "POST"));
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();

        var unknown = s.api().post(base(s) + "/sign-in", null, "{\"mobile\":\"07700 900999\"}");
        assertThat(unknown.status()).as("same answer for a number the school does not hold").isEqualTo(202);
        assertThat(unknown.json().has("challenge")).isTrue();
        var guess = s.api().post(base(s) + "/verify", null, "{\"challenge\":\"" + unknown.json().get("challenge").asText() + "\",\"code\":\"123456\"}");
        assertThat(guess.status()).isEqualTo(401);
        var badNumber = s.api().post(base(s) + "/sign-in", null, "{\"mobile\":\"12345\"}");
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(badNumber.json().at("/errors/0/field").asText()).isEqualTo("mobile");
        assertThat(s.api().get("/embed/absence-form.js", null).body()).contains("one-time code");
    }

    @Test
    void aParentSignsInByEmailAndReportsTwoChildrenForTheMorningOnlyWithEvidenceToFollow() {
        Setup s = setup();
        PupilView sibling = world.pupil(s.school(), "Alfie", "Webform");
        contacts.addContact(SYSTEM, s.school().id(), sibling.id(), new ContactCommand("Sam Webform", "Mother", true, true, 1, s.mobile(),
                "sam.webform@example.org", Channel.SMS, false, null));

        // an address the school does not hold gets the same answer, and nothing is sent anywhere
        var unknown = s.api().post(base(s) + "/sign-in", null, "{\"email\":\"nobody.here@example.org\"}");
        var known = s.api().post(base(s) + "/sign-in", null, "{\"email\":\"Sam.Webform@example.org\"}");
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(known.status()).isEqualTo(202);
        List<String> unknownShape = new java.util.ArrayList<>();
        List<String> knownShape = new java.util.ArrayList<>();
        unknown.json().fieldNames().forEachRemaining(unknownShape::add);
        known.json().fieldNames().forEachRemaining(knownShape::add);
        assertThat(unknownShape).isEqualTo(knownShape);
        assertThat(unknown.json().get("sentTo").asText()).isEqualTo("n…@example.org");
        dispatcher.dispatchDue(List.of(s.school().id()));
        assertThat(phone.receivedBy("nobody.here@example.org")).isZero();
        String code = phone.lastCodeTo("sam.webform@example.org");
        var signedIn = s.api().post(base(s) + "/verify", null, "{\"challenge\":\"" + known.json().get("challenge").asText() + "\",\"code\":\"" + code + "\"}");
        assertThat(signedIn.status()).isEqualTo(200);
        String parent = "Bearer " + signedIn.json().get("accessToken").asText();
        var badEmail = s.api().post(base(s) + "/sign-in", null, "{\"email\":\"not an address\"}");
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().at("/errors/0/field").asText()).isEqualTo("email");

        // from the afternoon until the end of that same morning cannot be: refused by name, nothing written
        var backwards = s.api().post(base(s) + "/absence-reports?channel=WEB_FORM", parent, "{\"pupilIds\":[" + s.amelia().id() + "],\"firstDate\":\""
                + MONDAY + "\",\"firstSession\":\"PM\",\"lastDate\":\"" + MONDAY + "\",\"lastSession\":\"AM\",\"category\":\"ILLNESS\",\"reason\":\"x\"}");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.contentType()).contains("problem+json");
        assertThat(backwards.json().at("/errors/0/field").asText()).isEqualTo("lastSession");

        var reported = s.api().post(base(s) + "/absence-reports?channel=WEB_FORM", parent, "{\"pupilIds\":[" + s.amelia().id() + "," + sibling.id()
                + "],\"firstDate\":\"" + MONDAY + "\",\"firstSession\":\"AM\",\"lastSession\":\"AM\",\"category\":\"MEDICAL_APPOINTMENT\","
                + "\"reason\":\"Orthodontist at 9:30, both of them\",\"evidenceToFollow\":true}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        assertThat(reported.json().size()).as("one report per child").isEqualTo(2);
        assertThat(reported.json().findValuesAsText("reportGroup")).as("made together").hasSize(2).containsOnly(reported.json().at("/0/reportGroup").asText());
        assertThat(reported.json().findValuesAsText("lastSession")).containsOnly("AM");
        assertThat(reported.json().findValuesAsText("evidenceToFollow")).containsOnly("true");

        // only the morning gets the appointment code; an N in the afternoon stays for the office to chase
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(13, 15)), LONDON);
        registers.submit(SYSTEM, s.school().id(), MONDAY, Session.PM, new SubmitRegister(List.of(new SubmitRegister.Entry(s.amelia().id(), "N", null, null,
                null)), null));
        assertThat(registers.currentMarks(SYSTEM, s.school().id(), MONDAY, Session.AM, List.of(s.amelia().id())).get(s.amelia().id()).code()).isEqualTo("M");
        assertThat(registers.currentMarks(SYSTEM, s.school().id(), MONDAY, Session.PM, List.of(s.amelia().id())).get(s.amelia().id()).code()).isEqualTo("N");

        // the office sees the sessions and that evidence is to follow
        var office = s.api().get("/api/v1/schools/" + s.school().id() + "/pupils/" + sibling.id() + "/absence-reports", s.office()).json().get("items");
        assertThat(office.at("/0/firstSession").asText()).isEqualTo("AM");
        assertThat(office.at("/0/lastSession").asText()).isEqualTo("AM");
        assertThat(office.at("/0/evidenceToFollow").asBoolean()).isTrue();

        // the parent mutation over GraphQL takes the same fields and refuses the same way
        var afternoon = s.api().graphql(parent, "mutation { reportMyChildrensAbsence(schoolId: " + s.school().id() + ", report: {pupilIds: [\""
                + sibling.id() + "\"], firstDate: \"" + MONDAY.plusDays(1) + "\", firstSession: PM, lastSession: PM, expectedReturn: \"" + MONDAY.plusDays(2)
                + "\", category: MEDICAL_APPOINTMENT, reason: \"Hospital appointment at 2pm\", evidenceToFollow: true}) { firstSession lastSession lastDate "
                + "expectedReturn evidenceToFollow } }");
        assertThat(afternoon.json().at("/data/reportMyChildrensAbsence/0/firstSession").asText()).as(afternoon.body()).isEqualTo("PM");
        assertThat(afternoon.json().at("/data/reportMyChildrensAbsence/0/lastDate").asText()).isEqualTo(MONDAY.plusDays(1).toString());
        assertThat(afternoon.json().at("/data/reportMyChildrensAbsence/0/expectedReturn").asText()).isEqualTo(MONDAY.plusDays(2).toString());
        assertThat(afternoon.json().at("/data/reportMyChildrensAbsence/0/evidenceToFollow").asBoolean()).isTrue();
        var refused = s.api().graphql(parent, "mutation { reportMyChildrensAbsence(schoolId: " + s.school().id() + ", report: {pupilIds: [\""
                + sibling.id() + "\"], firstDate: \"" + MONDAY.plusDays(3) + "\", firstSession: PM, lastDate: \"" + MONDAY.plusDays(3)
                + "\", lastSession: AM, category: ILLNESS, reason: \"x\"}) { id } }");
        assertThat(refused.json().at("/errors/0/extensions/errors/0/field").asText()).as(refused.body()).isEqualTo("lastSession");
    }

    @Test
    void theOfficeLogsACallForSeveralDaysAndBadReportsAreRefusedWithNothingWritten() {
        Setup s = setup();
        String path = "/api/v1/schools/" + s.school().id() + "/absence-reports";
        var call = s.api().post(path + "?channel=PHONE_CALL", s.office(), "{\"pupilIds\":[" + s.amelia().id() + "],\"firstDate\":\"" + MONDAY
                + "\",\"expectedReturn\":\"" + MONDAY.plusDays(3) + "\",\"category\":\"ILLNESS\",\"reason\":\"Mum phoned: chickenpox\",\"evidenceToFollow\":true}");
        assertThat(call.status()).isEqualTo(201);
        assertThat(call.json().at("/0/lastDate").asText()).isEqualTo(MONDAY.plusDays(2).toString());

        var backwards = s.api().post(path, s.office(), "{\"pupilIds\":[" + s.other().id() + "],\"firstDate\":\"" + MONDAY + "\",\"lastDate\":\""
                + MONDAY.minusDays(2) + "\",\"category\":\"ILLNESS\",\"reason\":\"x\"}");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().at("/errors/0/field").asText()).isEqualTo("lastDate");
        var unknownCategory = s.api().post(path, s.office(), "{\"pupilIds\":[" + s.other().id() + "],\"firstDate\":\"" + MONDAY
                + "\",\"category\":\"HOLIDAY\",\"reason\":\"x\"}");
        assertThat(unknownCategory.status()).isEqualTo(400);
        TestWorld.School elsewhere = world.school();
        PupilView foreign = world.pupil(elsewhere, "Foreign", "Pupil");
        var foreignPupil = s.api().post(path, s.office(), "{\"pupilIds\":[" + foreign.id() + "],\"firstDate\":\"" + MONDAY
                + "\",\"category\":\"ILLNESS\",\"reason\":\"x\"}");
        assertThat(foreignPupil.status()).isEqualTo(400);
        assertThat(foreignPupil.json().at("/errors/0/field").asText()).isEqualTo("pupilIds[0]");
        assertThat(s.api().get(path + "?date=" + MONDAY, s.office()).json().get("items").size()).as("only the good report was written").isEqualTo(1);
    }

    String parentToken(Setup s) {
        var started = s.api().post(base(s) + "/sign-in", null, "{\"mobile\":\"" + s.mobile() + "\"}");
        dispatcher.dispatchDue(List.of(s.school().id()));
        String code = phone.lastCodeTo(ParentPhone.e164(s.mobile()));
        var signedIn = s.api().post(base(s) + "/verify", null, "{\"challenge\":\"" + started.json().get("challenge").asText() + "\",\"code\":\""
                + code + "\"}");
        return "Bearer " + signedIn.json().get("accessToken").asText();
    }

    @Test
    void aParentAppReportsOverGraphqlAndTheOfficeSeesItOnItsLists() {
        Setup s = setup();
        String parent = parentToken(s);
        var mine = s.api().graphql(parent, "{ myChildren(schoolId: " + s.school().id() + ") { nodes { pupilId name morningMark } } }");
        assertThat(mine.json().at("/data/myChildren/nodes/0/name").asText()).isEqualTo("Amelia Webform");
        assertThat(mine.json().at("/data/myChildren/nodes/0/morningMark").asText()).contains("not yet established");
        var other = s.api().graphql(parent, "mutation { reportMyChildrensAbsence(schoolId: " + s.school().id() + ", report: {pupilIds: [\"" + s.other().id()
                + "\"], firstDate: \"" + MONDAY + "\", category: ILLNESS, reason: \"ill\"}) { id } }");
        assertThat(other.json().at("/errors/0/extensions/code").asText()).isEqualTo("NOT_YOUR_CHILD");
        var reported = s.api().graphql(parent, "mutation { reportMyChildrensAbsence(schoolId: " + s.school().id() + ", report: {pupilIds: [\""
                + s.amelia().id() + "\"], firstDate: \"" + MONDAY + "\", category: MEDICAL_APPOINTMENT, reason: \"Dentist at 10\"}) { channel suggestedCode marksExplained } }");
        assertThat(reported.json().at("/data/reportMyChildrensAbsence/0/channel").asText()).isEqualTo("PARENT_APP");
        assertThat(reported.json().at("/data/reportMyChildrensAbsence/0/marksExplained").asInt()).isEqualTo(1);
        var list = s.api().graphql(s.office(), "{ absenceReports(schoolId: " + s.school().id() + ", date: \"" + MONDAY + "\") { nodes { pupilName category } } "
                + "callList(schoolId: " + s.school().id() + ", date: \"" + MONDAY + "\") { nodes { pupilName } } }");
        assertThat(list.json().at("/data/absenceReports/nodes/0/category").asText()).isEqualTo("MEDICAL_APPOINTMENT");
        assertThat(s.api().graphql(parent, "{ callList(schoolId: " + s.school().id() + ", date: \"" + MONDAY + "\") { nodes { pupilName } } }").json()
                .at("/errors/0/extensions/code").asText()).as("a parent sees nothing of the office's").isEqualTo("NOT_FOUND");
    }
}
