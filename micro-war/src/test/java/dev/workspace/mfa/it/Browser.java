package dev.workspace.mfa.it;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Debian's headless Chromium driven by Debian's ChromeDriver, offline (no Selenium Manager, no downloads), with a
 * screenshot folder. Form posts are full page loads, so {@link #submit} waits for the next page. {@link #inspect}
 * runs axe-core and the phone-width check on the page shown; what they find is collected, so that one run lists every
 * page's problems, and {@link #problems} hands the list to the test.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** axe-core's worst two impact levels: these fail the story. */
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
    static final int PHONE_WIDTH = 320;
    private static final int PHONE_HEIGHT = 740;

    private final WebDriver driver;
    private final Path screenshots;
    private final List<String> problems = new ArrayList<>();
    private final Path profile;
    private int shot;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** {@code extraArguments}: more Chromium switches, e.g. to accept a test's own TLS certificate. */
    Browser(Path screenshots, String... extraArguments) throws IOException {
        System.setProperty("SE_OFFLINE", "true");
        this.screenshots = Files.createDirectories(screenshots);
        this.profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1600",
                "--lang=en-US", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost");
        options.addArguments(extraArguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        this.driver = new ChromeDriver(service, options);
    }

    void open(String url) {
        driver.get(url);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    WebElement find(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    boolean has(By by) {
        return !driver.findElements(by).isEmpty();
    }

    void type(By field, String text) {
        WebElement element = find(field);
        element.clear();
        element.sendKeys(text);
    }

    /**
     * Clicks something that loads a new page and waits until it has: the old document carries a marker that the new
     * one lacks (more reliable than element staleness while Chromium swaps documents).
     */
    void submit(By control) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.wsOldPage = true;");
        find(control).click();
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(js.executeScript(
                        "return window.wsOldPage === undefined && document.readyState === 'complete';")));
    }

    /** The page's error or info messages, as a person reads them. */
    String messages() {
        return String.join(" | ", driver.findElements(By.cssSelector(
                        ".ui-messages-error-summary, .ui-messages-info-summary, .ui-message-error-detail, .ui-message-error-summary"))
                .stream().map(WebElement::getText).toList());
    }

    String activeElementId() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.activeElement && document.activeElement.id;");
    }

    /** Presses a key on whatever has the focus. */
    void press(CharSequence key) {
        driver.switchTo().activeElement().sendKeys(key);
    }

    /** Presses Escape where a full page load follows (a panel's Cancel), and waits for it. */
    void pressEscapeAndWait() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.wsOldPage = true;");
        press(Keys.ESCAPE);
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(js.executeScript(
                        "return window.wsOldPage === undefined && document.readyState === 'complete';")));
    }

    String sessionCookie() {
        Cookie cookie = driver.manage().getCookieNamed("JSESSIONID");
        return cookie == null ? null : cookie.getValue();
    }

    /** The browser's cookie of that name, with its attributes, or null. */
    Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    /**
     * axe-core on the page as it is, at desktop width and at {@value #PHONE_WIDTH} px; at phone width also the check that
     * nothing scrolls sideways, and a screenshot named {@code phone-<name>}.
     */
    void inspect(String name) {
        accessibility(name + " (desktop)");
        phoneWidth(true);
        try {
            accessibility(name + " (" + PHONE_WIDTH + " px)");
            noSidewaysScrolling(name);
            screenshot("phone-" + name);
        } finally {
            phoneWidth(false);
        }
    }

    /** Puts the page at phone width (or back); layout and media queries follow at once. */
    void phoneWidth(boolean on) {
        ChromeDriver chrome = (ChromeDriver) driver;
        if (on) {
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH,
                    "height", PHONE_HEIGHT, "deviceScaleFactor", 2, "mobile", true));
        } else {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private void accessibility(String where) {
        List<Rule> violations = new AxeBuilder().analyze(driver).getViolations();
        for (Rule rule : violations) {
            if (BLOCKING_IMPACTS.contains(rule.getImpact())) {
                problem(where + ": " + rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + ") at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList());
            }
        }
    }

    private void noSidewaysScrolling(String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> widths = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(
                "var wide = Array.from(document.querySelectorAll('body *'))"
                        + ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)"
                        + ".slice(0, 5).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className);"
                        + "return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth,"
                        + " client: document.documentElement.clientWidth, wide: wide.join(', ')};");
        long scroll = ((Number) widths.get("scroll")).longValue();
        long inner = ((Number) widths.get("inner")).longValue();
        long client = ((Number) widths.get("client")).longValue();
        if (scroll > inner || scroll > client) {
            problem(name + " (" + PHONE_WIDTH + " px): scrolls sideways, scrollWidth " + scroll + " > innerWidth "
                    + inner + " / clientWidth " + client + "; too wide: " + widths.get("wide"));
        }
    }

    /** Printed at once as well, so that a run stopped by a later assertion still shows it. */
    private void problem(String line) {
        System.out.println("PROBLEM " + line);
        problems.add(line);
    }

    /** What {@link #inspect} found so far, one line per problem. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    byte[] screenshotOf(By element) {
        return find(element).getScreenshotAs(OutputType.BYTES);
    }

    void screenshot(String name) {
        try {
            Files.write(screenshots.resolve(String.format("%02d-%s.png", ++shot, name)),
                    ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
