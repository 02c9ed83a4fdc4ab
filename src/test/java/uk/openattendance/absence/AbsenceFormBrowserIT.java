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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
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

    record Family(TestWorld.School school, PupilView child, PupilView sibling, String mobile, String email, Api api) {}

    Family family() {
        TestWorld.School school = world.school(world.trust(), PolicyPresets.PRIMARY_GLOUCESTERSHIRE);
        PupilView child = world.pupil(school, "Nia", "Keyboardform");
        PupilView sibling = world.pupil(school, "Osian", "Keyboardform");
        long n = TestWorld.next();
        String mobile = String.format("07700 900%03d", n % 1000);
        String email = "ffion.keyboardform." + n + "@example.org";
        for (PupilView p : List.of(child, sibling)) {
            contacts.addContact(SYSTEM, school.id(), p.id(), new ContactCommand("Ffion Keyboardform", "Mother", true, true, 1, mobile, email, Channel.SMS,
                    false, null));
        }
        return new Family(school, child, sibling, mobile, email, new Api(server.getURL().toString()));
    }

    EmbeddedFormBrowser embed(Family f, String css) {
        return embed(f, css, null);
    }

    EmbeddedFormBrowser embed(Family f, String css, String language) {
        browser = EmbeddedFormBrowser.website(server.getURL().toString(), "absence-form.js", f.school().id(), css, language);
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

        assertThat(browser.find("[data-role=heading] ~ p").getText()).isNotBlank();
        assertThat(browser.find(".oa").getText()).as("the sign-in step tells the parent about the language switch")
                .contains("choose it from the Language list above");
        browser.tabToName("mobileOrEmail");
        browser.press(Keys.ENTER);
        WebElement mobile = browser.find("input[name=mobileOrEmail]");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(d -> "true".equals(mobile.getAttribute("aria-invalid")));
        assertErrorTiedTo(mobile, "Enter your mobile number or email address");
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

        // Both children, by SPACE on each checkbox; the date typed in the day/month/year boxes; a morning appointment, by arrow keys.
        browser.press(Keys.SPACE, Keys.TAB, Keys.SPACE);
        browser.tabToName("firstDate");
        browser.typeDate(MONDAY);
        assertThat(browser.find("input[name=firstDate]").getAttribute("value")).isEqualTo("2026-11-23");
        browser.tabToName("firstPart");
        browser.press(Keys.ARROW_DOWN);
        assertThat(browser.find("select[name=firstPart]").getAttribute("value")).isEqualTo("AM");
        browser.tabToName("category");
        browser.press(Keys.ARROW_DOWN);
        assertThat(browser.find("select[name=category]").getAttribute("value")).isEqualTo("MEDICAL_APPOINTMENT");
        browser.tabToName("reason");
        browser.press("Dentist in the morning, back after lunch.");
        browser.tabToName("evidenceToFollow");
        browser.press(Keys.SPACE);
        assertThat(browser.find("input[name=evidenceToFollow]").isSelected()).isTrue();
        browser.tabTo(e -> "report".equals(e.getAttribute("name")), "the Send button");
        browser.press(Keys.ENTER);

        WebElement done = browser.waitFor("[data-role=done]");
        assertThat(done.getText()).contains("Nia Keyboardform").contains("Osian Keyboardform").contains("23 November 2026")
                .contains("Your reference").contains("bring the appointment card");
        assertThat(browser.focused()).as("focus moves to the thank-you heading").isEqualTo(browser.find("[data-role=heading]"));
        browser.assertAccessible(FORM, "thank you");
        screenshot("6-done");

        String office = world.staffLogin(f.api(), Role.OFFICE, f.school().id(), null);
        java.util.Set<String> groups = new java.util.HashSet<>();
        for (PupilView p : List.of(f.child(), f.sibling())) {
            JsonNode reports = f.api().get("/api/v1/schools/" + f.school().id() + "/pupils/" + p.id() + "/absence-reports", office).json().get("items");
            assertThat(reports.size()).as("one report per child").isEqualTo(1);
            assertThat(reports.get(0).get("firstDate").asText()).isEqualTo("2026-11-23");
            assertThat(reports.get(0).get("firstSession").asText()).isEqualTo("AM");
            assertThat(reports.get(0).get("lastDate").asText()).isEqualTo("2026-11-23");
            assertThat(reports.get(0).get("lastSession").asText()).as("morning only").isEqualTo("AM");
            assertThat(reports.get(0).get("evidenceToFollow").asBoolean()).as("the office sees evidence is to follow").isTrue();
            assertThat(reports.get(0).get("channel").asText()).isEqualTo("WEB_FORM");
            assertThat(done.getAttribute("data-reports")).contains(reports.get(0).get("id").asText());
            groups.add(reports.get(0).get("reportGroup").asText());
        }
        assertThat(groups).as("one submission, one group of reports").hasSize(1);
    }

    static final LocalDate TUESDAY = MONDAY.plusDays(1);

    /**
     * Every step in the parent's own language, followed from the browser: English, Polish and Urdu (right to left), signed
     * in by email this time, with a refusal from the service shown in the same language.
     */
    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "pl", "ur"})
    void everyStepSpeaksTheBrowsersLanguageAndPassesAxe(String language) {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(7, 30)), LONDON);
        Family f = family();
        embed(f, null, language);
        String form = FORM + " (" + language + ")";

        browser.waitForHeading(browser.word("absence.title", language));
        WebElement oa = browser.find(".oa");
        assertThat(oa.getAttribute("lang")).isEqualTo(language);
        assertThat(oa.getAttribute("dir")).isEqualTo(language.equals("ur") ? "rtl" : "ltr");
        assertThat(browser.find("select[name=language]").getAttribute("value")).isEqualTo(language);
        assertThat(browser.findAll("select[name=language] option")).extracting(WebElement::getText)
                .containsExactly("English", "Polski", "اردو", "Română", "Cymraeg");
        assertThat(oa.getText()).contains(browser.word("languageNote"));
        browser.assertAccessible(form, "sign-in");
        assertThat(browser.smallTargets()).isEmpty();
        screenshot(language, "1-sign-in");

        WebElement who = browser.find("input[name=mobileOrEmail]");
        browser.find("button[name=send-code]").click();
        waitInvalid(who);
        assertErrorTiedTo(who, browser.word("signIn.missing"));
        browser.assertAccessible(form, "sign-in with an error");

        who.sendKeys(f.email(), Keys.ENTER);
        browser.waitForHeading(browser.word("code.heading"));
        assertThat(oa.getText()).contains("f…@example.org").contains(browser.word("code.hintEmail"));
        browser.assertAccessible(form, "code");

        WebElement code = browser.find("input[name=code]");
        code.sendKeys("000000", Keys.ENTER);
        waitInvalid(code);
        assertErrorTiedTo(code, browser.word("error.CODE_NOT_VALID"));
        browser.assertAccessible(form, "code with an error");
        dispatcher.dispatchDue(List.of(f.school().id()));
        code.clear();
        code.sendKeys(phone.lastCodeTo(f.email()), Keys.ENTER);

        browser.waitForHeading(browser.word("absence.details"));
        browser.waitFor("input[name=pupil]");
        assertThat(new Select(browser.find("select[name=category]")).getOptions()).extracting(WebElement::getText)
                .contains(browser.word("category.MEDICAL_APPOINTMENT"));
        browser.assertAccessible(form, "details");
        assertThat(browser.smallTargets()).isEmpty();
        screenshot(language, "4-details");

        browser.find("button[name=report]").click();
        waitInvalid(browser.find("input[name=pupil]"));
        assertThat(browser.find("[data-role=message]").getText()).contains(browser.word("absence.childMissing")).contains(browser.word("absence.reasonMissing"));
        browser.assertAccessible(form, "details with an error");

        // an afternoon-only first day that ends that same morning: the service refuses it by field, in the parent's words
        browser.find("input[name=pupil]").click();
        setDate("firstDate", TUESDAY);
        setDate("lastDate", TUESDAY);
        new Select(browser.find("select[name=firstPart]")).selectByValue("PM");
        new Select(browser.find("select[name=lastPart]")).selectByValue("AM");
        browser.find("textarea[name=reason]").sendKeys("Hospital appointment");
        browser.find("button[name=report]").click();
        WebElement lastPart = browser.find("select[name=lastPart]");
        waitInvalid(lastPart);
        assertErrorTiedTo(lastPart, browser.word("absence.error.lastSession"));
        browser.assertAccessible(form, "details refused by the service");
        screenshot(language, "5-details-refused");

        new Select(lastPart).selectByValue("ALL");
        browser.find("button[name=report]").click();
        WebElement done = browser.waitFor("[data-role=done]");
        assertThat(browser.find("[data-role=heading]").getText()).isEqualTo(browser.word("absence.doneTitle"));
        assertThat(done.getText()).contains("Nia Keyboardform");
        browser.assertAccessible(form, "thank you");

        String office = world.staffLogin(f.api(), Role.OFFICE, f.school().id(), null);
        JsonNode report = f.api().get("/api/v1/schools/" + f.school().id() + "/pupils/" + f.child().id() + "/absence-reports", office).json().get("items").get(0);
        assertThat(report.get("firstSession").asText()).as("afternoon only").isEqualTo("PM");
        assertThat(report.get("lastSession").asText()).isEqualTo("PM");
        assertThat(report.get("lastDate").asText()).isEqualTo(TUESDAY.toString());
    }

    @Test
    void switchingLanguageKeepsWhatWasTypedAndFocusStaysOnTheSwitch() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(7, 30)), LONDON);
        Family f = family();
        embed(f, null, "en");
        browser.waitForHeading("Report an absence");
        browser.find("input[name=mobileOrEmail]").sendKeys(f.mobile(), Keys.ENTER);
        browser.waitForHeading("Enter your code");
        dispatcher.dispatchDue(List.of(f.school().id()));
        browser.find("input[name=code]").sendKeys(codeSentTo(f), Keys.ENTER);
        browser.waitForHeading("Which children, when and why?");
        browser.waitFor("input[name=pupil]").click();
        new Select(browser.find("select[name=firstPart]")).selectByValue("PM");
        browser.find("button[name=report]").click();
        waitInvalid(browser.find("textarea[name=reason]"));
        browser.find("textarea[name=reason]").sendKeys("Kidney clinic after lunch");

        // the parent goes back up to the switch and chooses Polski with the arrow key
        WebElement languages = browser.find("select[name=language]");
        browser.js().executeScript("arguments[0].focus()", languages);
        browser.press(Keys.ARROW_DOWN);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(d -> "pl".equals(browser.find(".oa").getAttribute("lang")));
        assertThat(browser.find("[data-role=heading]").getText()).isEqualTo(browser.word("absence.details", "pl"));
        assertThat(browser.focused()).as("focus stays on the switch").isEqualTo(languages);
        assertThat(browser.find("input[name=pupil]").isSelected()).as("the ticked child stays ticked").isTrue();
        assertThat(browser.find("select[name=firstPart]").getAttribute("value")).isEqualTo("PM");
        assertThat(browser.find("textarea[name=reason]").getAttribute("value")).isEqualTo("Kidney clinic after lunch");
        assertThat(browser.find("[data-role=message]").getText()).as("the error shown is now in Polish")
                .contains(browser.word("absence.reasonMissing", "pl")).doesNotContain("Tell us briefly");
        assertThat(new Select(browser.find("select[name=firstPart]")).getFirstSelectedOption().getText()).isEqualTo(browser.word("part.PM", "pl"));
        browser.assertAccessible(FORM, "details after switching to Polish");

        browser.press(Keys.ARROW_DOWN);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(d -> "rtl".equals(browser.find(".oa").getAttribute("dir")));
        assertThat(browser.find(".oa").getAttribute("lang")).isEqualTo("ur");
        assertThat(browser.focused()).isEqualTo(languages);
        assertThat(browser.find("textarea[name=reason]").getAttribute("value")).isEqualTo("Kidney clinic after lunch");
        browser.assertAccessible(FORM, "details after switching to Urdu");

        // Romanian, then Welsh: the last two on the list
        browser.press(Keys.ARROW_DOWN);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(d -> "ro".equals(browser.find(".oa").getAttribute("lang")));
        assertThat(browser.find("[data-role=heading]").getText()).isEqualTo(browser.word("absence.details", "ro"));
        browser.assertAccessible(FORM, "details after switching to Romanian");
        browser.press(Keys.ARROW_DOWN);
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(5))
                .until(d -> "cy".equals(browser.find(".oa").getAttribute("lang")));
        assertThat(browser.find(".oa").getAttribute("dir")).isEqualTo("ltr");
        assertThat(browser.find("[data-role=heading]").getText()).isEqualTo(browser.word("absence.details", "cy"));
        assertThat(browser.find("[data-role=message]").getText()).contains(browser.word("absence.reasonMissing", "cy"));
        browser.assertAccessible(FORM, "details after switching to Welsh");

        // every word of the table is written in every language shipped (English is only the fallback for a new one)
        @SuppressWarnings("unchecked")
        List<String> missing = (List<String>) browser.js().executeScript("var k = window.OpenAttendanceEmbed; var out = [];"
                + " Object.keys(k.words).forEach(function (key) { k.languages.forEach(function (l) { if (!k.words[key][l[0]]) { out.push(key + ' ' + l[0]); } }); });"
                + " return out;");
        assertThat(missing).isEmpty();

        // and it still sends, from the Welsh form
        browser.find("button[name=report]").click();
        WebElement done = browser.waitFor("[data-role=done]");
        assertThat(browser.find("[data-role=heading]").getText()).isEqualTo(browser.word("absence.doneTitle", "cy"));
        assertThat(done.getText()).contains("Nia Keyboardform");
    }

    void waitInvalid(WebElement input) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> "true".equals(input.getAttribute("aria-invalid")));
    }

    void setDate(String name, LocalDate date) {
        browser.js().executeScript("arguments[0].value = arguments[1]", browser.find("input[name=" + name + "]"), date.toString());
    }

    void screenshot(String language, String step) {
        // English steps are the main test's; one or two steps in the other languages show their wording and direction
        if (!language.equals("en")) {
            screenshot(language + "-" + step);
        }
    }

    @Test
    void theSchoolsHostileCssNeitherReachesTheFormNorIsChangedByIt() {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(7, 30)), LONDON);
        Family f = family();
        embed(f, EmbeddedFormBrowser.HOSTILE_CSS);

        WebElement heading = browser.waitForHeading("Report an absence");
        WebElement mobile = browser.find("input[name=mobileOrEmail]");
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
