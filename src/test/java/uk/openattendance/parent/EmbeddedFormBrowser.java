package uk.openattendance.parent;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A school's website on another origin that embeds one of the parents' forms with the script tag the school pastes in,
 * opened in Debian's headless Chromium (infra/test.sh installs chromium and chromium-driver). The form lives in a shadow
 * root, so every lookup goes through it. axe-core, fetched by infra/axe-core.sh, checks each step against WCAG 2.2 AA.
 */
public final class EmbeddedFormBrowser implements AutoCloseable {
    /** The school's own styles at their worst: they must neither change the form nor be changed by it. */
    public static final String HOSTILE_CSS = "* { color: white !important; font-size: 4px !important; background: #222 !important;"
            + " line-height: 1 !important; margin: 0 !important; padding: 0 !important; }"
            + " div { display: inline !important; border: 9px dotted red !important; }"
            + " input, button, select { height: 5px !important; width: 5px !important; }";

    static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private final HttpServer website;
    private final WebDriver browser;
    private final String origin;
    private final String target;

    private EmbeddedFormBrowser(HttpServer website, WebDriver browser, String target) {
        this.website = website;
        this.browser = browser;
        this.origin = "http://127.0.0.1:" + website.getAddress().getPort();
        this.target = target;
    }

    /** Serves the school's page (optionally with hostile CSS) and starts the browser; {@link #open()} loads the page. */
    public static EmbeddedFormBrowser website(String service, String script, long schoolId, String css) {
        return website(service, script, schoolId, css, null);
    }

    /** The same, in a browser whose preferred language is {@code language} (navigator.languages), or Chromium's own when null. */
    public static EmbeddedFormBrowser website(String service, String script, long schoolId, String css, String language) {
        String target = script.replace(".js", "");
        String page = "<!doctype html><html lang=\"en\"><head><title>Parents - Test Primary</title>"
                + (css == null ? "" : "<style>" + css + "</style>") + "</head><body>"
                + "<header><a href=\"#main\" data-school=\"home\">Test Primary School home</a></header>"
                + "<main id=\"main\"><h1>Test Primary School</h1><p data-school=\"text\">Tell us about your child.</p>"
                + "<button type=\"button\" data-school=\"button\">The school's own button</button>"
                + "<div id=\"" + target + "\"></div><script src=\"" + service + "/embed/" + script + "\" data-school=\"" + schoolId
                + "\" data-target=\"" + target + "\"></script></main></body></html>";
        try {
            HttpServer website = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            website.createContext("/", ex -> {
                byte[] b = page.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
                ex.close();
            });
            website.start();
            return new EmbeddedFormBrowser(website, chromium(language), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WebDriver chromium(String language) {
        ChromeOptions options = new ChromeOptions();
        if (language != null) {
            // what a parent's phone set to this language sends: navigator.languages starts with it
            options.addArguments("--lang=" + language, "--accept-lang=" + language);
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        }
        options.setBinary("/usr/bin/chromium");
        // a phone's width: the forms must work where most parents meet them
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=390,1400");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        return new ChromeDriver(service, options);
    }

    public String origin() {
        return origin;
    }

    public WebDriver driver() {
        return browser;
    }

    public void open() {
        browser.get(origin + "/");
    }

    public JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    public WebElement host() {
        return browser.findElement(By.id(target));
    }

    SearchContext shadow() {
        return host().getShadowRoot();
    }

    /** The form's wording for a key in the language it shows now (the kit's one table), English where that language has none. */
    public String word(String key) {
        return word(key, find(".oa").getAttribute("lang"));
    }

    public String word(String key, String language) {
        return (String) js().executeScript("var w = window.OpenAttendanceEmbed.words[arguments[0]]; if (!w) { throw new Error('no wording for ' + arguments[0]); }"
                + " return w[arguments[1]] || w.en;", key, language);
    }

    /** Waits for a visible element inside the form. */
    public WebElement waitFor(String css) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            try {
                List<WebElement> found = shadow().findElements(By.cssSelector(css));
                return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
            } catch (org.openqa.selenium.NoSuchShadowRootException | org.openqa.selenium.NoSuchElementException e) {
                return null;
            }
        });
    }

    public List<WebElement> findAll(String css) {
        return shadow().findElements(By.cssSelector(css));
    }

    public WebElement find(String css) {
        return shadow().findElement(By.cssSelector(css));
    }

    /** Waits until the step's heading reads as given. */
    public WebElement waitForHeading(String text) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                List<WebElement> h = shadow().findElements(By.cssSelector("[data-role=heading]"));
                return !h.isEmpty() && h.get(0).getText().equals(text) ? h.get(0) : null;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the step \"" + text + "\" never came; the form shows: " + shadow().findElement(By.cssSelector(".oa")).getText()
                    + "; focus is on " + describeFocused(), e);
        }
    }

    /** The element that has focus, looking through shadow roots (the document only sees the form's host). */
    public WebElement focused() {
        return (WebElement) js().executeScript("var a = document.activeElement; while (a && a.shadowRoot && a.shadowRoot.activeElement) "
                + "{ a = a.shadowRoot.activeElement; } return a;");
    }

    public String describeFocused() {
        return (String) js().executeScript("var a = arguments[0]; return a ? a.tagName.toLowerCase() + (a.name ? '[name=' + a.name + ']' : '')"
                + " + (a.getAttribute('data-role') ? '[data-role=' + a.getAttribute('data-role') + ']' : '') + ' ' + (a.textContent || '').trim().slice(0, 40)"
                + " : 'nothing'", focused());
    }

    /** Keyboard only: the keys go to whatever has focus, as a parent's keyboard would. */
    public void press(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    /** Presses TAB until the focused element matches, failing after a sensible number of presses. */
    public void tabTo(Predicate<WebElement> wanted, String what) {
        for (int i = 0; i < 25; i++) {
            press(Keys.TAB);
            WebElement f = focused();
            if (f != null && wanted.test(f)) {
                return;
            }
        }
        throw new AssertionError("TAB never reached " + what + "; focus is on " + describeFocused());
    }

    public void tabToName(String name) {
        tabTo(e -> name.equals(e.getAttribute("name")), "[name=" + name + "]");
    }

    /** Runs axe-core on the form (its host and shadow tree) and returns the violations, one line each. */
    @SuppressWarnings("unchecked")
    public List<String> axeViolations() {
        if (Boolean.FALSE.equals(js().executeScript("return typeof window.axe !== 'undefined'"))) {
            js().executeScript(axeSource());
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = js().executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(arguments[0], { runOnly: { type: 'tag', values: arguments[1] }, resultTypes: ['violations'] })"
                + ".then(function (r) { done(r.violations.map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' at '"
                + " + v.nodes.map(function (n) { return JSON.stringify(n.target) + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '); }).join(' | '); })); },"
                + " function (e) { done(['axe failed: ' + e]); });", host(), WCAG_22_AA);
        return (List<String>) result;
    }

    /** Asserts no WCAG 2.2 AA violations on this step and prints the count as a figure. */
    public void assertAccessible(String form, String step) {
        List<String> violations = axeViolations();
        System.out.println("[figure] axe-core WCAG 2.2 AA violations, " + form + ", " + step + ": " + violations.size());
        assertThat(violations).as("axe-core violations on the " + form + " " + step + " step").isEmpty();
    }

    /** Every control a parent can press or type into is at least 44 by 44 CSS pixels (a checkbox counts with its label). */
    @SuppressWarnings("unchecked")
    public List<String> smallTargets() {
        return (List<String>) js().executeScript("var out = []; arguments[0].shadowRoot.querySelectorAll('input, select, textarea, button, a[href]')"
                + ".forEach(function (e) { var t = e.type === 'checkbox' || e.type === 'radio' ? e.closest('label') : e;"
                + " var r = t.getBoundingClientRect(); if (r.width < 44 || r.height < 44) { out.push((e.name || e.tagName) + ' ' + r.width + 'x' + r.height); } });"
                + " return out;", host());
    }

    public String style(WebElement e, String property) {
        return (String) js().executeScript("return getComputedStyle(arguments[0]).getPropertyValue(arguments[1])", e, property);
    }

    public WebElement page(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    /**
     * Types a date into the focused date box the way a parent would: digits for each part, in the order the browser's
     * locale shows them (day/month/year in en-GB, month/day/year in Chromium's default en-US).
     */
    @SuppressWarnings("unchecked")
    public void typeDate(java.time.LocalDate date) {
        List<String> order = (List<String>) js().executeScript("return new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2027, 0, 11))"
                + ".filter(function (p) { return p.type === 'day' || p.type === 'month' || p.type === 'year'; }).map(function (p) { return p.type; });");
        StringBuilder keys = new StringBuilder();
        for (String part : order) {
            keys.append(switch (part) {
                case "day" -> String.format("%02d", date.getDayOfMonth());
                case "month" -> String.format("%02d", date.getMonthValue());
                default -> String.valueOf(date.getYear());
            });
        }
        press(keys.toString());
    }

    public void screenshot(Path file) {
        try {
            // the whole step at a phone's width, however long it is
            long height = (Long) js().executeScript("return Math.ceil(document.documentElement.scrollHeight)");
            org.openqa.selenium.Dimension size = browser.manage().window().getSize();
            if (height > size.getHeight() - 100) {
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(), (int) height + 140));
            }
            Files.createDirectories(file.getParent());
            Files.write(file, ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            browser.manage().window().setSize(size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String axeSource() {
        String configured = System.getenv("AXE_CORE_JS");
        Path path = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "open-attendance", "axe-core-4.14.1", "axe.min.js");
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("axe-core is missing at " + path + ": run infra/axe-core.sh (infra/test.sh does) or set AXE_CORE_JS");
        }
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.quit();
        website.stop(0);
    }
}
