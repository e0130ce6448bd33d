package dev.workspace.mfa.it;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.workspace.mfa.core.totp.Base32;
import dev.workspace.mfa.core.totp.Totp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authenticator-app story of the product documents, in a real browser against the packaged WAR: enroll by reading
 * the QR code off the screen, sign out, sign in with a code, with a recovery code, reuse refused, regenerate, an old
 * code refused, disable. Screenshots land in {@code target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIf(value = "browserAvailable", disabledReason = "needs /usr/bin/chromium and /usr/bin/chromedriver (.ci/run installs them)")
class BrowserStoryIT {

    static final String EMAIL = "ada@story.test";
    static final String PASSWORD = "story test password";

    @ArquillianResource
    URL base;

    private long lastUsedStep;

    static boolean browserAvailable() {
        return Browser.available();
    }

    @Deployment(testable = false)
    static WebArchive packagedWar() {
        return PackagedWar.withAdministrator("story", EMAIL, PASSWORD);
    }

    private String page(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private String path(Browser browser) {
        return URI.create(browser.url()).getPath().substring(URI.create(base.toString()).getPath().length() - 1);
    }

    private void signIn(Browser browser) {
        browser.open(page("/login"));
        browser.type(By.cssSelector("input[type=email][autocomplete=username]"), EMAIL);
        browser.type(By.cssSelector("input[type=password][autocomplete=current-password]"), PASSWORD);
        browser.submit(By.id("login:signIn"));
    }

    private void signOut(Browser browser) {
        browser.submit(By.cssSelector(".ws-signout button"));
        assertEquals("/login", path(browser));
    }

    /** On the recovery-code page: types a code and sends it. */
    private void enterRecoveryCode(Browser browser, String code) {
        browser.type(By.id("recovery:code"), code);
        browser.submit(By.id("recovery:submit"));
    }

    /** The code of a step later than any used so far, waiting for the phone's next code when needed. */
    private String nextCode(byte[] secret) throws InterruptedException {
        long step;
        while ((step = Totp.STANDARD.step(System.currentTimeMillis() / 1000)) <= lastUsedStep) {
            Thread.sleep(500);
        }
        lastUsedStep = step;
        return Totp.STANDARD.code(secret, step);
    }

    @Test
    void thePersonWithAPhoneStory() throws Exception {
        try (Browser browser = new Browser(Path.of("target", "screenshots"))) {
            browser.open(page("/"));
            assertEquals("/login", path(browser));
            browser.screenshot("sign-in");

            signIn(browser);
            assertEquals("/", path(browser));
            assertTrue(browser.has(By.id("twoFactorPrompt")), "first sign-in suggests two-factor authentication");
            browser.screenshot("home-with-prompt");

            // Enrollment, step 1: the QR code, read off the screen as a phone would.
            browser.open(page("/account/security"));
            assertTrue(browser.find(By.id("twoFactorStatus")).getText().contains("Off"));
            browser.submit(By.id("enable"));
            assertTrue(browser.find(By.id("qrCode")).getAttribute("alt").contains("QR code"));
            String keyUri = decodeQr(browser.screenshotOf(By.id("qrCode")));
            assertTrue(keyUri.startsWith("otpauth://totp/Workspace:" + EMAIL + "?"), keyUri);
            Map<String, String> query = queryOf(keyUri);
            assertEquals("Workspace", query.get("issuer"));
            assertEquals("SHA1", query.get("algorithm"));
            assertEquals("6", query.get("digits"));
            assertEquals("30", query.get("period"));
            byte[] secret = Base32.decode(query.get("secret"));
            assertEquals(20, secret.length);
            browser.find(By.cssSelector("#manualEntry summary")).click();
            assertEquals(query.get("secret"), browser.find(By.id("secret")).getText().replace(" ", ""),
                    "Can't scan? shows the same secret in groups of four");
            browser.screenshot("enroll-scan");

            // Step 2: a wrong code, then the right one.
            By codeField = By.cssSelector("input[autocomplete=one-time-code][inputmode=numeric]");
            browser.type(codeField, "000000".equals(Totp.STANDARD.code(secret, Totp.STANDARD.step(System.currentTimeMillis() / 1000))) ? "111111" : "000000");
            browser.submit(By.id("enroll:verify"));
            assertTrue(browser.messages().contains("time automatically"), browser.messages());
            String enrollmentCode = nextCode(secret);
            browser.type(codeField, enrollmentCode);
            browser.submit(By.id("enroll:verify"));
            assertTrue(browser.messages().contains("Code successfully verified. 2FA method set to TOTP."), browser.messages());

            // Step 3: ten grouped codes, Download, Copy all, the acknowledgement that unlocks Finish.
            List<String> codes = browser.findAll(By.cssSelector("#recoveryCodes li")).stream().map(e -> e.getText().trim()).toList();
            assertEquals(10, codes.size());
            codes.forEach(code -> assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"), code));
            assertTrue(browser.has(By.id("enroll:download")));
            assertEquals("Download", browser.find(By.id("enroll:download")).getText());
            assertEquals("Copy all", browser.find(By.id("copyAll")).getText());
            assertFalse(browser.find(By.id("enroll:finish")).isEnabled(), "Finish waits for the acknowledgement");
            browser.find(By.id("copyAll")).click();
            browser.screenshot("enroll-recovery-codes");
            browser.find(By.id("enroll:saved")).click();
            assertTrue(browser.find(By.id("enroll:finish")).isEnabled());
            browser.submit(By.id("enroll:finish"));
            assertEquals("/account/security", path(browser));
            assertTrue(browser.find(By.id("twoFactorStatus")).getText().contains("On"));
            assertTrue(browser.find(By.id("codesLeft")).getText().contains("10 of 10"));
            browser.screenshot("security-on");
            signOut(browser);

            // Sign in: the enrollment code is spent; the next one works.
            signIn(browser);
            assertEquals("/login/verify", path(browser));
            browser.screenshot("second-step");
            browser.type(codeField, enrollmentCode);
            browser.submit(By.id("verify:submit"));
            assertEquals("/login/verify", path(browser), "the enrollment code cannot sign in");
            browser.type(codeField, nextCode(secret));
            browser.submit(By.id("verify:submit"));
            assertEquals("/", path(browser));
            signOut(browser);

            // Sign in with a recovery code, typed in lower case with spaces.
            signIn(browser);
            browser.submit(By.linkText("Use a recovery code instead"));
            enterRecoveryCode(browser, codes.get(0).toLowerCase().replace("-", " "));
            assertEquals("/", path(browser));
            assertTrue(browser.find(By.id("recoveryNotice")).getText().contains("9 left"));
            browser.screenshot("signed-in-with-recovery-code");
            signOut(browser);

            // The same recovery code again: refused.
            signIn(browser);
            browser.submit(By.linkText("Use a recovery code instead"));
            enterRecoveryCode(browser, codes.get(0));
            assertEquals("/login/recovery", path(browser));
            assertTrue(browser.messages().contains("did not work"), browser.messages());
            browser.screenshot("recovery-code-reused");
            enterRecoveryCode(browser, codes.get(1));
            assertEquals("/", path(browser));

            // Regenerate after a step-up: the new list, every old code void.
            browser.open(page("/account/security"));
            browser.submit(By.id("security:regenerate"));
            assertTrue(browser.has(By.id("stepUp")));
            browser.type(By.id("security:password"), PASSWORD);
            browser.type(By.id("security:code"), nextCode(secret));
            browser.submit(By.id("security:confirm"));
            List<String> fresh = browser.findAll(By.cssSelector("#recoveryCodes li")).stream().map(e -> e.getText().trim()).toList();
            assertEquals(10, fresh.size());
            assertTrue(fresh.stream().noneMatch(codes::contains));
            browser.screenshot("regenerated");
            browser.find(By.id("security:saved")).click();
            browser.submit(By.id("security:finish"));
            signOut(browser);

            signIn(browser);
            browser.submit(By.linkText("Use a recovery code instead"));
            enterRecoveryCode(browser, codes.get(2));
            assertEquals("/login/recovery", path(browser), "an old code no longer works");
            enterRecoveryCode(browser, fresh.get(0));
            assertEquals("/", path(browser));

            // Disable: signing out ended the earlier step-up, so it asks again; a recovery code serves too.
            browser.open(page("/account/security"));
            browser.submit(By.id("security:disable"));
            assertTrue(browser.has(By.id("stepUp")));
            browser.submit(By.id("security:toggleRecovery"));
            browser.type(By.id("security:password"), PASSWORD);
            browser.type(By.id("security:code"), fresh.get(1));
            browser.submit(By.id("security:confirm"));
            assertTrue(browser.messages().contains("Two-factor authentication is off"), browser.messages());
            assertTrue(browser.find(By.id("twoFactorStatus")).getText().contains("Off"));
            browser.screenshot("disabled");
            signOut(browser);
            signIn(browser);
            assertEquals("/", path(browser), "no second step any more");
        }
    }

    private static String decodeQr(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }

    private static Map<String, String> queryOf(String uri) {
        return Arrays.stream(uri.substring(uri.indexOf('?') + 1).split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
