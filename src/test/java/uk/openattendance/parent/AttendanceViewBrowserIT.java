package uk.openattendance.parent;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import uk.openattendance.absence.app.AbsenceService;
import uk.openattendance.absence.app.ReportAbsence;
import uk.openattendance.absence.domain.ReportCategory;
import uk.openattendance.absence.domain.ReportChannel;
import uk.openattendance.fixtures.ParentPhone;
import uk.openattendance.leave.app.LeaveService;
import uk.openattendance.leave.app.RequestLeave;
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
import uk.openattendance.school.app.SchoolDetails;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.school.app.SchoolView;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.school.domain.Session;
import uk.openattendance.security.Actor;

/**
 * "My child's attendance" as a parent meets it: embedded in the school's website on another origin, at a phone's width,
 * signed in and read with the keyboard alone, checked with axe-core against WCAG 2.2 AA, beside the school's worst CSS.
 */
@MicronautTest(transactional = false)
class AttendanceViewBrowserIT {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);
    static final Actor SYSTEM = Actor.bootstrap("tests");
    static final String VIEW = "attendance view";

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject ContactService contacts;
    @Inject SchoolService schools;
    @Inject RegisterService registers;
    @Inject LetterRuns letterRuns;
    @Inject LetterService letters;
    @Inject Dispatcher dispatcher;
    @Inject ParentPhone phone;
    @Inject AbsenceService absences;
    @Inject LeaveService leave;
    long reportId;
    long leaveId;

    EmbeddedFormBrowser browser;
    int shot;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    record Family(TestWorld.School school, PupilView child, PupilView other, String mobile) {}

    /** Cerys at Monday and Tuesday's registers (in; off ill; late before close; away with no reason), and a letter emailed. */
    Family family() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(8, 0)), LONDON);
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_PORTSMOUTH);
        PupilView cerys = world.pupil(school, "Cerys", "Viewfield", MONDAY.minusWeeks(10), 0, Characteristics.none());
        PupilView other = world.pupil(school, "Olwen", "Otherhouse", MONDAY.minusWeeks(10), 0, Characteristics.none());
        String mobile = String.format("07700 900%03d", TestWorld.next() % 1000);
        long rhian = contacts.addContact(SYSTEM, school.id(), cerys.id(), new ContactCommand("Rhian Viewfield", "Mother", true, true, 1, mobile,
                "rhian.viewfield@example.org", Channel.SMS, false, null)).contactId();
        contacts.addContact(SYSTEM, school.id(), other.id(), new ContactCommand("Owain Otherhouse", "Father", true, true, 1,
                String.format("07700 900%03d", TestWorld.next() % 1000), "owain.otherhouse@example.org", Channel.EMAIL, false, null));
        take(school, MONDAY, Session.AM, cerys, "/", other);
        take(school, MONDAY, Session.PM, cerys, "I", other);
        take(school, MONDAY.plusDays(1), Session.AM, cerys, "L", other);
        take(school, MONDAY.plusDays(1), Session.PM, cerys, "O", other);
        clock.set(LocalDateTime.of(MONDAY.plusDays(2), LocalTime.of(10, 0)), LONDON);
        List<Long> made = List.of(
                letterRuns.recordImprovementMeeting(SYSTEM, school.id(), cerys.id(),
                        new LetterRuns.RecordMeeting(MONDAY, "Cerys arrives by 8:45 every day", MONDAY.plusDays(28))).id(),
                letterRuns.recordImprovementMeeting(SYSTEM, school.id(), other.id(),
                        new LetterRuns.RecordMeeting(MONDAY, "Olwen arrives by 8:45 every day", MONDAY.plusDays(28))).id());
        letters.approve(SYSTEM, school.id(), made);
        letters.email(SYSTEM, school.id(), made);
        // Rhian phoned about Thursday's appointment, and asked for leave in the new year
        reportId = absences.report(SYSTEM, school.id(), new ReportAbsence(List.of(cerys.id()), MONDAY.plusDays(3), Session.AM, MONDAY.plusDays(3),
                Session.AM, null, ReportCategory.MEDICAL_APPOINTMENT, "Dentist", false, rhian), ReportChannel.PHONE_CALL).get(0).id();
        leaveId = leave.request(SYSTEM, school.id(), new RequestLeave(cerys.id(), uk.openattendance.leave.domain.LeaveGround.EXCEPTIONAL_CIRCUMSTANCES, MONDAY.plusWeeks(8), null,
                MONDAY.plusWeeks(8).plusDays(1), null, "A family funeral abroad", null, rhian)).id();
        dispatcher.dispatchDue(List.of(school.id()));
        return new Family(school, cerys, other, mobile);
    }

    void take(TestWorld.School school, LocalDate date, Session session, PupilView child, String code, PupilView other) {
        boolean late = "L".equals(code);
        clock.set(LocalDateTime.of(date, session == Session.AM ? (late ? LocalTime.of(9, 6) : LocalTime.of(8, 55)) : LocalTime.of(13, 15)), LONDON);
        registers.submit(SYSTEM, school.id(), date, session, new SubmitRegister(List.of(new SubmitRegister.Entry(child.id(), code,
                late ? LocalTime.of(9, 5) : null, null, null), new SubmitRegister.Entry(other.id(), "/", null, null, null)), null));
    }

    EmbeddedFormBrowser embed(Family f, String css) {
        return embed(f, css, null);
    }

    EmbeddedFormBrowser embed(Family f, String css, String language) {
        browser = EmbeddedFormBrowser.website(server.getURL().toString(), "attendance-view.js", f.school().id(), css, language);
        SchoolView v = schools.school(SYSTEM, f.school().id());
        schools.updateDetails(SYSTEM, f.school().id(), v.version(), new SchoolDetails(v.name(), v.zone(), v.phone(), v.email(), v.address(),
                List.of(v.allowedOrigins().get(0), browser.origin())));
        browser.open();
        return browser;
    }

    void screenshot(String step) {
        String dir = System.getenv("FORM_SCREENSHOTS");
        if (dir != null && !dir.isBlank()) {
            shot++;
            browser.screenshot(Path.of(dir, "attendance-view-" + shot + "-" + step + ".png"));
        }
    }

    @Test
    void aParentSignsInWithTheKeyboardAloneAndSeesTheirChildsFiguresAndWeekInWords() {
        Family f = family();
        clock.set(LocalDateTime.of(MONDAY.plusDays(2), LocalTime.of(16, 0)), LONDON);
        embed(f, null);

        browser.waitForHeading("Your child's attendance");
        assertThat(browser.focused().getTagName()).as("the view does not take focus on page load").isEqualTo("body");
        browser.assertAccessible(VIEW, "sign-in");
        assertThat(browser.smallTargets()).isEmpty();
        screenshot("sign-in");

        browser.tabToName("mobileOrEmail");
        browser.press(f.mobile(), Keys.ENTER);
        WebElement codeHeading = browser.waitForHeading("Enter your code");
        assertThat(browser.focused()).as("focus moves to the code step's heading").isEqualTo(codeHeading);
        browser.assertAccessible(VIEW, "code");
        screenshot("code");

        browser.press(Keys.TAB);
        dispatcher.dispatchDue(List.of(f.school().id()));
        browser.press(phone.lastCodeTo(ParentPhone.e164(f.mobile())), Keys.ENTER);

        WebElement heading = browser.waitForHeading("Your children's attendance");
        assertThat(browser.focused()).as("focus moves to the view's heading").isEqualTo(heading);
        WebElement child = browser.waitFor("[data-role=child]");
        assertThat(browser.findAll("[data-role=child]")).as("only their own child").hasSize(1);
        assertThat(child.getText()).contains("Cerys Viewfield").doesNotContain("Olwen");
        // Monday and Tuesday: 4 sessions possible, 2 attended (in, late before close), 1 authorised (ill), 1 unauthorised
        assertThat(browser.find("[data-role=percent]").getText()).isEqualTo("Attendance this year: 50.0%");
        String figures = browser.find("[data-role=figures]").getText();
        assertThat(figures).contains("Sessions possible\n4").contains("Sessions attended\n2").contains("Authorised absence (sessions)\n1")
                .contains("Unauthorised absence (sessions)\n1").contains("Late, counted as unauthorised absence (sessions)\n0");
        assertThat(browser.find("[data-role=view]").getText()).as("every figure the view shows comes from the API").doesNotContain("undefined")
                .doesNotContain("null").doesNotContain("NaN");
        String week = browser.find("[data-role=week]").getText();
        assertThat(week).contains("Present (morning)").contains("Absent: illness (authorised)")
                .contains("Late, but arrived before the register closed (counts as present)").contains("Absent: no reason accepted (unauthorised)");
        assertThat(browser.find("[data-role=week] tr[data-date='" + MONDAY + "'] td:last-child").getText()).contains("1 of 2");
        assertThat(browser.find("[data-role=week] caption").getText()).contains("bar of sessions attended");
        assertThat(browser.find("[data-role=letters]").getText()).contains("Cerys").doesNotContain("Olwen");
        assertThat(browser.findAll("[data-role=letter-pdf]")).hasSize(1);
        assertThat(browser.find("[data-role=texts]").getText()).doesNotContain("Otherhouse");
        assertThat(browser.find("[data-reference=A" + reportId + "]").getText()).contains("Reference A" + reportId).contains("Received");
        assertThat(browser.find("[data-reference=L" + leaveId + "]").getText()).contains("Reference L" + leaveId)
                .contains("waiting for the headteacher's decision");
        browser.assertAccessible(VIEW, "attendance");
        assertThat(browser.smallTargets()).isEmpty();
        screenshot("attendance");

        // keyboard alone reaches the letter's PDF button
        browser.tabTo(e -> "letter-pdf".equals(e.getAttribute("data-role")), "the letter's PDF button");
        screenshot("letter-focused");
    }

    @Test
    void theSchoolsHostileCssNeitherReachesTheViewNorIsChangedByIt() {
        Family f = family();
        clock.set(LocalDateTime.of(MONDAY.plusDays(2), LocalTime.of(16, 0)), LONDON);
        embed(f, EmbeddedFormBrowser.HOSTILE_CSS);
        WebElement heading = browser.waitForHeading("Your child's attendance");
        assertThat(browser.style(heading, "color")).isEqualTo("rgb(27, 27, 27)");
        assertThat(browser.style(heading, "font-size")).isEqualTo("24px");
        assertThat(browser.smallTargets()).isEmpty();
        browser.assertAccessible(VIEW, "sign-in beside hostile CSS");
        assertThat(browser.style(browser.page("[data-school=button]"), "height")).isEqualTo("5px");
        assertThat(browser.driver().findElements(By.cssSelector("head style, body style"))).hasSize(1);

        browser.find("input[name=mobileOrEmail]").sendKeys(f.mobile(), Keys.ENTER);
        browser.waitForHeading("Enter your code");
        dispatcher.dispatchDue(List.of(f.school().id()));
        browser.find("input[name=code]").sendKeys(phone.lastCodeTo(ParentPhone.e164(f.mobile())), Keys.ENTER);
        browser.waitForHeading("Your children's attendance");
        WebElement percent = browser.waitFor("[data-role=percent]");
        assertThat(browser.style(percent, "font-size")).isEqualTo("32px");
        browser.assertAccessible(VIEW, "attendance beside hostile CSS");
        shot = 4; // numbered after the main flow's four steps
        screenshot("hostile-css");
    }

    /**
     * The same view for a parent whose phone is in Polish or Urdu (right to left): every heading, label and figure name in
     * their language, the marks and statuses the service words in English worded by their code, axe-clean at each step.
     */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"pl", "ur"})
    void aParentReadsTheViewInTheirBrowsersLanguage(String language) {
        Family f = family();
        clock.set(LocalDateTime.of(MONDAY.plusDays(2), LocalTime.of(16, 0)), LONDON);
        embed(f, null, language);
        String view = VIEW + " (" + language + ")";

        browser.waitForHeading(browser.word("view.title", language));
        WebElement oa = browser.find(".oa");
        assertThat(oa.getAttribute("lang")).isEqualTo(language);
        assertThat(oa.getAttribute("dir")).isEqualTo(language.equals("ur") ? "rtl" : "ltr");
        assertThat(oa.getText()).contains(browser.word("view.intro")).contains(browser.word("languageNote"));
        browser.assertAccessible(view, "sign-in");

        browser.tabToName("mobileOrEmail");
        browser.press(f.mobile(), Keys.ENTER);
        browser.waitForHeading(browser.word("code.heading"));
        browser.assertAccessible(view, "code");
        browser.press(Keys.TAB);
        dispatcher.dispatchDue(List.of(f.school().id()));
        browser.press(phone.lastCodeTo(ParentPhone.e164(f.mobile())), Keys.ENTER);

        browser.waitForHeading(browser.word("view.heading"));
        browser.waitFor("[data-role=child]");
        assertThat(browser.find("[data-role=percent]").getText()).isEqualTo(browser.word("view.percent").replace("{percent}", "50.0%"));
        String figures = browser.find("[data-role=figures]").getText();
        assertThat(figures).contains(browser.word("view.possible") + "\n4").contains(browser.word("view.attended") + "\n2")
                .contains(browser.word("view.authorised") + "\n1").contains(browser.word("view.unauthorised") + "\n1");
        String week = browser.find("[data-role=week]").getText();
        assertThat(week).contains(browser.word("view.morning")).contains(browser.word("counts.PRESENT"))
                .contains(browser.word("counts.AUTHORISED_ABSENCE")).contains(browser.word("counts.UNAUTHORISED_ABSENCE"))
                .as("no English mark words left").doesNotContain("Absent").doesNotContain("Present");
        assertThat(browser.find("[data-role=week] tr[data-date='" + MONDAY + "'] td:last-child").getText())
                .contains(browser.word("view.ofSessions").replace("{attended}", "1").replace("{possible}", "2"));
        assertThat(browser.find("[data-reference=A" + reportId + "]").getText()).contains(browser.word("reportStatus.RECEIVED"))
                .doesNotContain("Received");
        assertThat(browser.find("[data-reference=L" + leaveId + "]").getText()).contains(browser.word("leaveStatus.RECEIVED"))
                .doesNotContain("headteacher's");
        assertThat(browser.find("[data-role=letters]").getText()).contains(browser.word("view.letters"));
        assertThat(browser.find("[data-role=letter-pdf]").getText()).isEqualTo(browser.word("view.openLetter"));
        assertThat(browser.find("[data-role=view]").getText()).doesNotContain("undefined").doesNotContain("null").doesNotContain("NaN")
                .doesNotContain("{");
        browser.assertAccessible(view, "attendance");
        assertThat(browser.smallTargets()).isEmpty();
        String dir = System.getenv("FORM_SCREENSHOTS");
        if (dir != null && !dir.isBlank()) {
            browser.screenshot(Path.of(dir, "attendance-view-" + language + "-3-attendance.png"));
        }

        // switching back to English rewrites the view in place with the service's own fuller words
        browser.js().executeScript("arguments[0].value = 'en'; arguments[0].dispatchEvent(new Event('change'))", browser.find("select[name=language]"));
        assertThat(browser.find("[data-role=week]").getText()).contains("Absent: illness (authorised)");
        assertThat(browser.find(".oa").getAttribute("dir")).isEqualTo("ltr");
    }
}
