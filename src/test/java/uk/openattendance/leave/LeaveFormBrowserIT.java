package uk.openattendance.leave;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
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
 * The leave form as a parent meets it: embedded in the school's own website (a page served from another origin),
 * driven in Debian's headless Chromium. infra/test.sh installs chromium and chromium-driver.
 */
@MicronautTest(transactional = false)
class LeaveFormBrowserIT {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final Actor SYSTEM = Actor.bootstrap("tests");
    static final String FORM = "leave form";

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

    /** The school's website: one page that embeds the form with the script tag the school pastes in. */
    EmbeddedFormBrowser website(long schoolId, String css) {
        return website(schoolId, css, null);
    }

    EmbeddedFormBrowser website(long schoolId, String css, String language) {
        browser = EmbeddedFormBrowser.website(server.getURL().toString(), "leave-form.js", schoolId, css, language);
        return browser;
    }

    void screenshot(String step) {
        String dir = System.getenv("FORM_SCREENSHOTS");
        if (dir != null && !dir.isBlank()) {
            browser.screenshot(Path.of(dir, "leave-form-" + step + ".png"));
        }
    }

    record Family(TestWorld.School school, PupilView child, String mobile, String office, Api api) {}

    void allow(TestWorld.School school, String origin) {
        SchoolView v = schools.school(SYSTEM, school.id());
        schools.updateDetails(SYSTEM, school.id(), v.version(), new SchoolDetails(v.name(), v.zone(), v.phone(), v.email(), v.address(),
                List.of(v.allowedOrigins().get(0), origin)));
    }

    Family family() {
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        PupilView child = world.pupil(school, "Esme", "Browserform");
        String mobile = String.format("07700 900%03d", TestWorld.next() % 1000);
        contacts.addContact(SYSTEM, school.id(), child.id(), new ContactCommand("Gethin Browserform", "Father", true, true, 1, mobile, null, Channel.SMS,
                false, null));
        Api api = new Api(server.getURL().toString());
        return new Family(school, child, mobile, world.staffLogin(api, Role.OFFICE, school.id(), null), api);
    }

    String codeSentTo(Family f) {
        dispatcher.dispatchDue(List.of(f.school().id()));
        return phone.lastCodeTo(ParentPhone.e164(f.mobile()));
    }

    @Test
    void aParentAsksForLeaveWithTheKeyboardFromTheSchoolsOwnWebsiteAndTheRequestAppearsForTheHeadteacher() throws IOException {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(19, 30)), LONDON);
        Family f = family();
        website(f.school().id(), null);
        allow(f.school(), browser.origin());
        browser.open();

        browser.waitForHeading("Ask for leave of absence");
        browser.assertAccessible(FORM, "sign-in");
        assertThat(browser.smallTargets()).isEmpty();
        screenshot("1-sign-in");
        browser.tabToName("mobileOrEmail");
        browser.press(f.mobile(), Keys.ENTER);

        WebElement codeHeading = browser.waitForHeading("Enter your code");
        assertThat(browser.focused()).as("focus moves to the code step's heading").isEqualTo(codeHeading);
        browser.assertAccessible(FORM, "code");
        screenshot("2-code");
        browser.press(Keys.TAB, "000000", Keys.ENTER);
        WebElement code = browser.find("input[name=code]");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> "true".equals(code.getAttribute("aria-invalid")));
        assertThat(browser.find("[data-role=message]").getText()).contains("That code is not right");
        assertThat(code.getAttribute("aria-describedby")).contains("oa-error");
        assertThat(browser.focused()).as("focus goes back to the code").isEqualTo(code);
        browser.assertAccessible(FORM, "code with an error");
        screenshot("3-code-error");
        browser.press(Keys.END, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, codeSentTo(f), Keys.ENTER);

        WebElement request = browser.waitForHeading("Your request");
        assertThat(browser.focused()).as("focus moves to the details step's heading").isEqualTo(request);
        WebElement child = browser.waitFor("select[name=pupil]");
        assertThat(new Select(child).getFirstSelectedOption().getText()).isEqualTo("Esme Browserform");
        assertThat(browser.findAll("fieldset legend")).extracting(WebElement::getText).containsExactly("From", "Until");
        browser.assertAccessible(FORM, "details");
        assertThat(browser.smallTargets()).isEmpty();
        screenshot("4-details");

        browser.tabTo(e -> "request".equals(e.getAttribute("name")), "the Send request button");
        browser.press(Keys.SPACE);
        WebElement first = browser.find("input[name=firstDate]");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> "true".equals(first.getAttribute("aria-invalid")));
        assertThat(browser.find("input[name=lastDate]").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("[data-role=message]").getText()).contains("Enter the first day of leave").contains("Enter the last day of leave");
        assertThat(browser.focused()).as("focus goes to the first field in error").isEqualTo(first);
        browser.assertAccessible(FORM, "details with an error");
        screenshot("5-details-error");

        browser.typeDate(LocalDate.of(2027, 1, 11));
        browser.tabToName("lastDate");
        browser.typeDate(LocalDate.of(2027, 1, 12));
        assertThat(browser.find("input[name=firstDate]").getAttribute("value")).isEqualTo("2027-01-11");
        assertThat(browser.find("input[name=lastDate]").getAttribute("value")).isEqualTo("2027-01-12");
        browser.tabToName("ground");
        browser.press(Keys.ARROW_DOWN);
        assertThat(browser.find("select[name=ground]").getAttribute("value")).isEqualTo("PERFORMANCE_OR_EMPLOYMENT_ABROAD");
        browser.tabToName("reason");
        browser.press("Esme is in a licensed stage production in Dublin.");
        // the file chooser is the operating system's own dialog, which WebDriver cannot drive; the file is handed over
        Path licence = Files.createTempFile("performance-licence", ".pdf");
        Files.write(licence, "%PDF-1.4\n% performance licence issued by the local authority\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        browser.find("input[name=documents]").sendKeys(licence.toString());
        browser.tabTo(e -> "request".equals(e.getAttribute("name")), "the Send request button");
        browser.press(Keys.ENTER);

        WebElement done = browser.waitFor("[data-role=done]");
        assertThat(done.getText()).contains("Esme Browserform").contains("2 school days");
        assertThat(browser.focused()).as("focus moves to the confirmation heading").isEqualTo(browser.find("[data-role=heading]"));
        browser.assertAccessible(FORM, "request sent");
        screenshot("6-done");

        String head = world.staffLogin(f.api(), Role.HEADTEACHER, f.school().id(), null);
        JsonNode waiting = f.api().get("/api/v1/schools/" + f.school().id() + "/leave-requests?status=REQUESTED", head).json().get("items");
        assertThat(waiting.size()).isEqualTo(1);
        JsonNode sent = waiting.get(0);
        assertThat(sent.get("pupilName").asText()).isEqualTo("Esme Browserform");
        assertThat(sent.get("ground").asText()).isEqualTo("PERFORMANCE_OR_EMPLOYMENT_ABROAD");
        assertThat(sent.get("code").asText()).isEqualTo("C1");
        assertThat(sent.get("channel").asText()).isEqualTo("WEB_FORM");
        assertThat(sent.get("requestedBy").asText()).contains("Gethin Browserform");
        assertThat(sent.get("documents").get(0).get("contentType").asText()).isEqualTo("application/pdf");
    }

    /** Every step in Polish and in Urdu (right to left), as a browser set to that language opens it, with axe on each. */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"pl", "ur"})
    void theLeaveFormSpeaksTheBrowsersLanguageAndEveryStepPassesAxe(String language) {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(19, 30)), LONDON);
        Family f = family();
        website(f.school().id(), null, language);
        allow(f.school(), browser.origin());
        browser.open();
        String form = FORM + " (" + language + ")";

        browser.waitForHeading(browser.word("leave.title", language));
        assertThat(browser.find(".oa").getAttribute("dir")).isEqualTo(language.equals("ur") ? "rtl" : "ltr");
        assertThat(browser.find(".oa").getText()).contains(browser.word("languageNote"));
        browser.assertAccessible(form, "sign-in");
        browser.find("input[name=mobileOrEmail]").sendKeys(f.mobile(), Keys.ENTER);
        browser.waitForHeading(browser.word("code.heading"));
        browser.assertAccessible(form, "code");
        browser.find("input[name=code]").sendKeys(codeSentTo(f), Keys.ENTER);

        browser.waitForHeading(browser.word("leave.details"));
        browser.waitFor("select[name=pupil]");
        assertThat(browser.findAll("fieldset legend")).extracting(WebElement::getText).containsExactly(browser.word("leave.from"), browser.word("leave.until"));
        assertThat(new Select(browser.find("select[name=ground]")).getFirstSelectedOption().getText())
                .isEqualTo(browser.word("ground.EXCEPTIONAL_CIRCUMSTANCES"));
        browser.assertAccessible(form, "details");
        browser.find("button[name=request]").click();
        WebElement first = browser.find("input[name=firstDate]");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> "true".equals(first.getAttribute("aria-invalid")));
        assertThat(browser.find("[data-role=message]").getText()).contains(browser.word("leave.firstMissing"));
        browser.assertAccessible(form, "details with an error");
        screenshot(language + "-5-details-error");

        browser.js().executeScript("arguments[0].value = '2027-01-11'; arguments[1].value = '2027-01-12'", first, browser.find("input[name=lastDate]"));
        browser.find("textarea[name=reason]").sendKeys("Esme is in a licensed stage production in Dublin.");
        browser.find("button[name=request]").click();
        browser.waitFor("[data-role=done]");
        assertThat(browser.find("[data-role=heading]").getText()).isEqualTo(browser.word("leave.doneTitle"));
        assertThat(browser.find("[data-role=done]").getText()).contains("Esme Browserform");
        browser.assertAccessible(form, "request sent");
    }

    @Test
    void aWebsiteTheSchoolHasNotAllowedCannotUseTheForm() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(19, 30)), LONDON);
        Family f = family();
        website(f.school().id(), null);
        browser.open();
        browser.waitFor("input[name=mobileOrEmail]").sendKeys(f.mobile());
        browser.find("button[name=send-code]").click();
        WebElement message = new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d -> {
            WebElement m = browser.find("[data-role=message]");
            return m.getText().isBlank() ? null : m;
        });
        assertThat(message.getText()).contains("could not reach the school's attendance service");
        assertThat(browser.findAll("input[name=code]")).isEmpty();
        browser.assertAccessible(FORM, "sign-in refused");
        dispatcher.dispatchDue(List.of(f.school().id()));
        assertThat(phone.receivedBy(ParentPhone.e164(f.mobile()))).as("no code was sent for a sign-in from a page the school has not allowed").isZero();
    }

    @Test
    void theSchoolsHostileCssNeitherReachesTheLeaveFormNorIsChangedByIt() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(19, 30)), LONDON);
        Family f = family();
        website(f.school().id(), EmbeddedFormBrowser.HOSTILE_CSS);
        allow(f.school(), browser.origin());
        browser.open();
        WebElement heading = browser.waitForHeading("Ask for leave of absence");
        assertThat(browser.style(heading, "color")).isEqualTo("rgb(27, 27, 27)");
        assertThat(browser.style(heading, "font-size")).isEqualTo("24px");
        assertThat(browser.style(browser.find("button[name=send-code]"), "font-size")).isEqualTo("18px");
        assertThat(browser.smallTargets()).isEmpty();
        browser.assertAccessible(FORM, "sign-in beside hostile CSS");
        assertThat(browser.style(browser.page("[data-school=button]"), "background-color")).isEqualTo("rgb(34, 34, 34)");
        assertThat(browser.style(browser.page("[data-school=text]"), "color")).isEqualTo("rgb(255, 255, 255)");
        browser.find("input[name=mobileOrEmail]").sendKeys(f.mobile(), Keys.ENTER);
        browser.waitForHeading("Enter your code");
        browser.find("input[name=code]").sendKeys(codeSentTo(f), Keys.ENTER);
        browser.waitFor("select[name=pupil]");
        browser.assertAccessible(FORM, "details beside hostile CSS");
        screenshot("7-hostile-css");
    }
}
