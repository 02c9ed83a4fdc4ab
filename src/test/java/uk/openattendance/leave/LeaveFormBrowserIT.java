package uk.openattendance.leave;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.openattendance.fixtures.Api;
import uk.openattendance.fixtures.ParentPhone;
import uk.openattendance.fixtures.TestWorld;
import uk.openattendance.notify.app.Dispatcher;
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

    @Inject EmbeddedServer server;
    @Inject TestWorld world;
    @Inject MutableClock clock;
    @Inject ContactService contacts;
    @Inject SchoolService schools;
    @Inject Dispatcher dispatcher;
    @Inject ParentPhone phone;

    HttpServer website;
    WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (website != null) {
            website.stop(0);
        }
    }

    /** The school's website: one page that embeds the form with the script tag the school pastes in. */
    String serveWebsite(long schoolId) throws IOException {
        website = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String page = "<!doctype html><html><head><title>Leave request - Test Primary</title></head><body><h1>Test Primary School</h1>"
                + "<div id=\"leave-form\"></div><script src=\"" + server.getURL() + "/embed/leave-form.js\" data-school=\"" + schoolId
                + "\" data-target=\"leave-form\"></script></body></html>";
        website.createContext("/", ex -> {
            byte[] b = page.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        website.start();
        return "http://127.0.0.1:" + website.getAddress().getPort();
    }

    WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        return new ChromeDriver(service, options);
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

    WebElement waitFor(String css) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    @Test
    void aParentAsksForLeaveFromTheSchoolsOwnWebsiteAndTheRequestAppearsForTheHeadteacher() throws IOException {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(19, 30)), LONDON);
        Family f = family();
        String origin = serveWebsite(f.school().id());
        allow(f.school(), origin);

        browser = chromium();
        browser.get(origin + "/");
        waitFor("input[name=mobile]").sendKeys(f.mobile());
        browser.findElement(By.cssSelector("button[name=send-code]")).click();
        waitFor("input[name=code]").sendKeys(codeSentTo(f));
        browser.findElement(By.cssSelector("button[name=verify]")).click();

        WebElement child = waitFor("select[name=pupil]");
        assertThat(new Select(child).getFirstSelectedOption().getText()).isEqualTo("Esme Browserform");
        setDate("firstDate", LocalDate.of(2027, 1, 11));
        setDate("lastDate", LocalDate.of(2027, 1, 12));
        new Select(browser.findElement(By.cssSelector("select[name=ground]"))).selectByValue("PERFORMANCE_OR_EMPLOYMENT_ABROAD");
        browser.findElement(By.cssSelector("textarea[name=reason]")).sendKeys("Esme is in a licensed stage production in Dublin.");
        Path licence = Files.createTempFile("performance-licence", ".pdf");
        Files.write(licence, "%PDF-1.4\n% performance licence issued by the local authority\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        browser.findElement(By.cssSelector("input[name=documents]")).sendKeys(licence.toString());
        browser.findElement(By.cssSelector("button[name=request]")).click();

        WebElement done = waitFor("[data-role=done]");
        assertThat(done.getText()).contains("Esme Browserform").contains("2 school days");

        String head = world.staffLogin(f.api(), Role.HEADTEACHER, f.school().id(), null);
        JsonNode waiting = f.api().get("/api/v1/schools/" + f.school().id() + "/leave-requests?status=REQUESTED", head).json();
        assertThat(waiting.size()).isEqualTo(1);
        JsonNode request = waiting.get(0);
        assertThat(request.get("pupilName").asText()).isEqualTo("Esme Browserform");
        assertThat(request.get("ground").asText()).isEqualTo("PERFORMANCE_OR_EMPLOYMENT_ABROAD");
        assertThat(request.get("code").asText()).isEqualTo("C1");
        assertThat(request.get("channel").asText()).isEqualTo("WEB_FORM");
        assertThat(request.get("requestedBy").asText()).contains("Gethin Browserform");
        assertThat(request.get("documents").get(0).get("contentType").asText()).isEqualTo("application/pdf");
    }

    @Test
    void aWebsiteTheSchoolHasNotAllowedCannotUseTheForm() throws IOException {
        clock.set(LocalDateTime.of(MONDAY, LocalTime.of(19, 30)), LONDON);
        Family f = family();
        String origin = serveWebsite(f.school().id());
        browser = chromium();
        browser.get(origin + "/");
        waitFor("input[name=mobile]").sendKeys(f.mobile());
        browser.findElement(By.cssSelector("button[name=send-code]")).click();
        WebElement message = new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            WebElement m = d.findElement(By.cssSelector("[data-role=message]"));
            return m.getText().isBlank() ? null : m;
        });
        assertThat(message.getText()).contains("could not reach the school's attendance service");
        assertThat(browser.findElements(By.cssSelector("input[name=code]"))).isEmpty();
        dispatcher.dispatchDue(List.of(f.school().id()));
        assertThat(phone.receivedBy(ParentPhone.e164(f.mobile()))).as("no code was sent for a sign-in from a page the school has not allowed").isZero();
    }

    void setDate(String name, LocalDate date) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", browser.findElement(By.cssSelector("input[name=" + name + "]")),
                date.toString());
    }
}
