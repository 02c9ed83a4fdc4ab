package uk.openattendance.absence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.ParentPhone;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.notify.app.Dispatcher;
import uk.openattendance.parent.EmbeddedFormBrowser;
import uk.openattendance.platform.time.MutableClock;
import uk.openattendance.roll.app.ContactCommand;
import uk.openattendance.roll.app.ContactService;
import uk.openattendance.roll.app.PupilView;
import uk.openattendance.roll.domain.Channel;
import uk.openattendance.school.app.SchoolDetails;
import uk.openattendance.school.app.SchoolService;
import uk.openattendance.school.app.SchoolView;
import uk.openattendance.school.domain.PolicyPresets;
import uk.openattendance.security.Actor;
import uk.openattendance.security.Role;

/**
 * The absence form as a parent meets it: embedded in the school's own website on another origin, in headless Chromium
 * at a phone's width, used with the keyboard alone, and checked with axe-core against WCAG 2.2 AA at every step.
 */
@MicronautTest(transactional = false)
class AbsenceFormBrowserIT {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final Actor SYSTEM = Actor.bootstrap("tests");
    static final String FORM = "absence form";

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject ContactService contacts;
    @Inject SchoolService schools;
    @Inject Dispatcher dispatcher;
    @Inject ParentPhone phone;

    EmbeddedFormBrowser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    record Family(TestWorld.School school, PupilView child, PupilView sibling, String mobile, Api api) {}

    Family family() {
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        PupilView child = world.pupil(school, "Nia", "Keyboardform");
        PupilView sibling = world.pupil(school, "Osian", "Keyboardform");
        String mobile = String.format("07700 900%03d", TestWorld.next() % 1000);
        for (PupilView p : List.of(child, sibling)) {
            contacts.addContact(SYSTEM, school.id(), p.id(), new ContactCommand("Ffion Keyboardform", "Mother", true, true, 1, mobile, null, Channel.SMS,
                    false, null));
        }
        return new Family(school, child, sibling, mobile, new Api(server.getURL().toString()));
    }

    EmbeddedFormBrowser embed(Family f, String css) {
        browser = EmbeddedFormBrowser.website(server.getURL().toString(), "absence-form.js", f.school().id(), css);
        SchoolView v = schools.school(SYSTEM, f.school().id());
        schools.updateDetails(SYSTEM, f.school().id(), v.version(), new SchoolDetails(v.name(), v.zone(), v.phone(), v.email(), v.address(),
                List.of(v.allowedOrigins().get(0), browser.origin())));
        browser.open();
        return browser;
    }

    String codeSentTo(Family f) {
        dispatcher.dispatchDue(List.of(f.school().id()));
        return phone.lastCodeTo(ParentPhone.e164(f.mobile()));
    }

    void screenshot(String step) {
        String dir = System.getenv("FORM_SCREENSHOTS");
        if (dir != null && !dir.isBlank()) {
            browser.screenshot(Path.of(dir, "absence-form-" + step + ".png"));
        }
    }

    void assertErrorTiedTo(WebElement input, String words) {
        assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
        String error = browser.find("#" + input.getAttribute("aria-describedby").replaceAll(".*(oa-error-\\d+).*", "$1")).getText();
        assertThat(error).contains(words);
        assertThat(browser.find("[data-role=message]").getAttribute("role")).isEqualTo("alert");
        assertThat(browser.find("[data-role=message]").getText()).contains(words);
    }

    @Test
    void aParentReportsBothChildrenAbsentWithTheKeyboardAloneAndEveryStepPassesAxe() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(7, 30)), LONDON);
        Family f = family();
        embed(f, null);

        // Sign-in step: reached from the school's own link by TAB, nothing has been moved by the form on load.
        browser.waitForHeading("Report an absence");
        assertThat(browser.focused().getTagName()).as("the form does not take focus on page load").isEqualTo("body");
        browser.assertAccessible(FORM, "sign-in");
        assertThat(browser.smallTargets()).isEmpty();
        screenshot("1-sign-in");

        browser.tabToName("mobile");
        browser.press(Keys.ENTER);
        WebElement mobile = browser.find("input[name=mobile]");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(d -> "true".equals(mobile.getAttribute("aria-invalid")));
        assertErrorTiedTo(mobile, "Enter your mobile number");
        assertThat(browser.focused()).as("focus goes to the field in error").isEqualTo(mobile);
        browser.assertAccessible(FORM, "sign-in with an error");
        screenshot("2-sign-in-error");

        browser.press(f.mobile(), Keys.ENTER);

        // Code step: focus moves to its heading, and the next TAB is the code.
        WebElement codeHeading = browser.waitForHeading("Enter your code");
        assertThat(browser.focused()).as("focus moves to the code step's heading").isEqualTo(codeHeading);
        assertThat(browser.find("[data-role=status]").getAttribute("aria-live")).isEqualTo("polite");
        browser.assertAccessible(FORM, "code");
        assertThat(browser.smallTargets()).isEmpty();
        screenshot("3-code");

        browser.press(Keys.TAB);
        WebElement code = browser.find("input[name=code]");
        assertThat(browser.focused()).isEqualTo(code);
        browser.press("12", Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(d -> "true".equals(code.getAttribute("aria-invalid")));
        assertErrorTiedTo(code, "6 digits");
        assertThat(browser.focused()).isEqualTo(code);
        browser.assertAccessible(FORM, "code with an error");

        browser.press(Keys.END, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, codeSentTo(f));
        browser.tabTo(e -> "verify".equals(e.getAttribute("name")), "the Continue button");
        browser.press(Keys.SPACE);

        // Details step: focus on its heading; children are a fieldset with a legend.
        WebElement details = browser.waitForHeading("Which children, when and why?");
        assertThat(browser.focused()).as("focus moves to the details step's heading").isEqualTo(details);
        browser.waitFor("input[name=pupil]");
        assertThat(browser.find("fieldset[data-role=pupil] legend").getText()).isEqualTo("Which children are absent?");
        browser.assertAccessible(FORM, "details");
        assertThat(browser.smallTargets()).isEmpty();
        screenshot("4-details");

        browser.tabTo(e -> "report".equals(e.getAttribute("name")), "the Send button");
        browser.press(Keys.ENTER);
        WebElement group = browser.find("fieldset[data-role=pupil]");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(d -> group.getAttribute("aria-describedby") != null && group.getAttribute("aria-describedby").contains("oa-error"));
        assertThat(browser.find("input[name=pupil]").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("[data-role=message]").getText()).contains("Choose which child is absent");
        assertThat(browser.focused()).as("focus goes to the first child's checkbox").isEqualTo(browser.find("input[name=pupil]"));
        browser.assertAccessible(FORM, "details with an error");
        screenshot("5-details-error");

        // Both children, by SPACE on each checkbox; the date typed in the day/month/year boxes; the reason by arrow keys.
        browser.press(Keys.SPACE, Keys.TAB, Keys.SPACE);
        browser.tabToName("firstDate");
        browser.typeDate(MONDAY);
        assertThat(browser.find("input[name=firstDate]").getAttribute("value")).isEqualTo("2026-11-23");
        browser.tabToName("category");
        browser.press(Keys.ARROW_DOWN);
        assertThat(browser.find("select[name=category]").getAttribute("value")).isEqualTo("MEDICAL_APPOINTMENT");
        browser.tabToName("reason");
        browser.press("Dentist in the morning, back after lunch.");
        browser.tabTo(e -> "report".equals(e.getAttribute("name")), "the Send button");
        browser.press(Keys.ENTER);

        WebElement done = browser.waitFor("[data-role=done]");
        assertThat(done.getText()).contains("Nia Keyboardform").contains("Osian Keyboardform");
        assertThat(browser.focused()).as("focus moves to the thank-you heading").isEqualTo(browser.find("[data-role=heading]"));
        browser.assertAccessible(FORM, "thank you");
        screenshot("6-done");

        String office = world.staffLogin(f.api(), Role.OFFICE, f.school().id(), null);
        for (PupilView p : List.of(f.child(), f.sibling())) {
            JsonNode reports = f.api().get("/api/v1/schools/" + f.school().id() + "/pupils/" + p.id() + "/absence-reports", office).json();
            assertThat(reports.size()).isEqualTo(1);
            assertThat(reports.get(0).get("firstDate").asText()).isEqualTo("2026-11-23");
            assertThat(reports.get(0).get("channel").asText()).isEqualTo("WEB_FORM");
        }
    }

    @Test
    void theSchoolsHostileCssNeitherReachesTheFormNorIsChangedByIt() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(7, 30)), LONDON);
        Family f = family();
        embed(f, EmbeddedFormBrowser.HOSTILE_CSS);

        WebElement heading = browser.waitForHeading("Report an absence");
        WebElement mobile = browser.find("input[name=mobile]");
        assertThat(browser.style(heading, "color")).isEqualTo("rgb(27, 27, 27)");
        assertThat(browser.style(heading, "font-size")).isEqualTo("24px");
        assertThat(browser.style(mobile, "font-size")).isEqualTo("16px");
        assertThat(browser.style(browser.host(), "display")).isEqualTo("block");
        assertThat(browser.smallTargets()).as("the page's 5px inputs do not reach the form").isEmpty();
        browser.assertAccessible(FORM, "sign-in beside hostile CSS");
        screenshot("7-hostile-css");

        // ...and the form's own styles stay inside it: the school's button and text keep the school's look.
        assertThat(browser.style(browser.page("[data-school=button]"), "background-color")).isEqualTo("rgb(34, 34, 34)");
        assertThat(browser.style(browser.page("[data-school=button]"), "height")).isEqualTo("5px");
        assertThat(browser.style(browser.page("[data-school=text]"), "font-size")).isEqualTo("4px");
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("head style, body style"))).hasSize(1);

        // It still works there.
        mobile.sendKeys(f.mobile(), Keys.ENTER);
        browser.waitForHeading("Enter your code");
        browser.assertAccessible(FORM, "code beside hostile CSS");
    }
}
