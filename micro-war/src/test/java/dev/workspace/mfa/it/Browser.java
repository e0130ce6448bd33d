package dev.workspace.mfa.it;

import org.openqa.selenium.By;
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

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's headless Chromium driven by Debian's ChromeDriver, offline (no Selenium Manager, no downloads), with a
 * screenshot folder. Form posts are full page loads, so {@link #submit} waits for the next page.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Path screenshots;
    private final Path profile;
    private int shot;

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    Browser(Path screenshots) throws IOException {
        System.setProperty("SE_OFFLINE", "true");
        this.screenshots = Files.createDirectories(screenshots);
        this.profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1600",
                "--lang=en-US", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost");
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
        return String.join(" | ", driver.findElements(By.cssSelector(".ui-messages-error-summary, .ui-messages-info-summary"))
                .stream().map(WebElement::getText).toList());
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
