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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

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
 * The authenticator-app story of the product documents, in a real browser against the packaged WAR: confirm the
 * password, enroll by reading the QR code off the screen, sign out, sign in with a code, with a recovery code, reuse
 * refused, regenerate (abandoned first, then finished), an old code refused, disable. Every page on the way is checked
 * with axe-core and at phone width; screenshots land in {@code target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIf(value = "browserAvailable", disabledReason = "needs /usr/bin/chromium and /usr/bin/chromedriver (.ci/run installs them)")
class BrowserStoryIT {

    static final String EMAIL = "ada@story.test";
    static final String PASSWORD = "story test password";

    @ArquillianResource
    URL base;

    private final PhoneCodes phoneCodes = new PhoneCodes();

    static boolean browserAvailable() {
        return Browser.available();
    }

    @Deployment(testable = false)
    static WebArchive packagedWar() {
        return PackagedWar.withAdministrator("story", EMAIL, PASSWORD, PackagedWar.ADMINS_WITHOUT_TWO_FACTOR);
    }

    private String page(String path) {
        return new Site(base).page(path);
    }

    private String path(Browser browser) {
        return new Site(base).path(browser);
    }

    private void signIn(Browser browser) {
        new Site(base).signIn(browser, EMAIL, PASSWORD);
    }

    private void signOut(Browser browser) {
        new Site(base).signOut(browser);
    }

    /** Opens the panel of an action on the security page. */
    private void openPanel(Browser browser, String action) {
        browser.submit(By.id("security:" + action));
        assertTrue(browser.has(By.id("confirmAction")), action + " opens its panel");
    }

    /** The error a field is tied to: marked invalid, and described by the message next to it. */
    private static String fieldError(Browser browser, String fieldId) {
        WebElement field = browser.find(By.id(fieldId));
        assertEquals("true", field.getAttribute("aria-invalid"), fieldId + " is marked invalid");
        String described = field.getAttribute("aria-describedby");
        assertTrue(described != null && !described.isBlank(), fieldId + " points at its message");
        return Arrays.stream(described.trim().split("\\s+")).map(id -> browser.find(By.id(id)).getText())
                .collect(Collectors.joining(" "));
    }

    private static List<String> shownCodes(Browser browser) {
        return browser.findAll(By.cssSelector("#recoveryCodes li")).stream().map(e -> e.getText().trim()).toList();
    }

    /** On the recovery-code page: types a code and sends it. */
    private void enterRecoveryCode(Browser browser, String code) {
        browser.type(By.id("recovery:code"), code);
        browser.submit(By.id("recovery:submit"));
    }

    @Test
    void thePersonWithAPhoneStory() throws Exception {
        try (Browser browser = new Browser(Path.of("target", "screenshots"))) {
            browser.open(page("/"));
            assertEquals("/login", path(browser));
            browser.screenshot("sign-in");
            browser.inspect("sign-in");

            signIn(browser);
            assertEquals("/", path(browser));
            assertTrue(browser.has(By.id("twoFactorPrompt")), "first sign-in suggests two-factor authentication");
            browser.screenshot("home-with-prompt");
            browser.inspect("home");

            // The menu under the person's name: a button that opens and closes by keyboard.
            WebElement account = browser.find(By.id("accountButton"));
            assertEquals("false", account.getAttribute("aria-expanded"));
            assertEquals("accountMenu", account.getAttribute("aria-controls"));
            assertFalse(browser.find(By.id("accountMenu")).isDisplayed());
            account.sendKeys(Keys.ENTER);
            assertEquals("true", account.getAttribute("aria-expanded"));
            assertTrue(browser.find(By.id("menuSecurity")).isDisplayed());
            assertTrue(browser.find(By.cssSelector(".ws-signout button")).getText().contains("Sign out"));
            browser.press(Keys.TAB);
            assertEquals("menuSecurity", browser.activeElementId(), "Tab walks into the menu");
            browser.press(Keys.ESCAPE);
            assertEquals("false", account.getAttribute("aria-expanded"));
            assertEquals("accountButton", browser.activeElementId(), "Escape gives the focus back to the button");
            account.sendKeys(Keys.SPACE);
            assertEquals("true", account.getAttribute("aria-expanded"));
            browser.inspect("menu-open");
            browser.phoneWidth(true);
            browser.find(By.id("accountButton")).click();
            browser.find(By.id("accountButton")).click();
            assertTrue(browser.find(By.id("menuSecurity")).isDisplayed(), "the menu opens on a phone too");
            browser.screenshot("phone-menu-open");
            browser.phoneWidth(false);
            browser.submit(By.id("menuSecurity"));
            assertEquals("/account/security", path(browser));

            // Enrollment starts with the password: no secret for a session alone.
            assertTrue(browser.find(By.id("twoFactorStatus")).getText().contains("Off"));
            browser.inspect("security-off");
            browser.submit(By.id("enable-TOTP"));
            assertFalse(browser.has(By.id("qrCode")), "no QR code before the password");
            assertTrue(browser.find(By.id("confirmPasswordHeading")).getText()
                    .contains("Confirm your password to set up two-factor authentication"));
            assertEquals("enroll:password", browser.activeElementId(), "the password field has the focus");
            browser.inspect("enroll-password");
            assertEquals(browser.find(By.id("cancelEnroll")).getSize().getHeight(),
                    browser.find(By.id("enroll:continue")).getSize().getHeight(), "PrimeFaces and plain buttons are alike");
            browser.type(By.id("enroll:password"), "not the password");
            browser.submit(By.id("enroll:continue"));
            assertFalse(browser.has(By.id("qrCode")));
            assertTrue(fieldError(browser, "enroll:password").contains("incorrect"));
            browser.inspect("enroll-password-wrong");
            assertEquals(browser.find(By.id("cancelEnroll")).getSize().getHeight(),
                    browser.find(By.id("enroll:continue")).getSize().getHeight(), "buttons keep their size after a submission");
            String beforeStepUp = browser.sessionCookie();
            browser.type(By.id("enroll:password"), PASSWORD);
            browser.submit(By.id("enroll:continue"));
            assertFalse(beforeStepUp.equals(browser.sessionCookie()), "the step-up gives a new session id");

            // Step 1: the QR code, read off the screen as a phone would.
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
            browser.inspect("enroll-scan");

            // Step 2: a wrong code, then the right one.
            By codeField = By.cssSelector("input[autocomplete=one-time-code][inputmode=numeric]");
            browser.type(codeField, "000000".equals(Totp.STANDARD.code(secret, Totp.STANDARD.step(System.currentTimeMillis() / 1000))) ? "111111" : "000000");
            browser.submit(By.id("enroll:verify"));
            assertTrue(browser.messages().contains("time automatically"), browser.messages());
            assertTrue(fieldError(browser, "enroll:code").contains("time automatically"));
            String enrollmentCode = phoneCodes.next(secret);
            browser.type(codeField, enrollmentCode);
            browser.submit(By.id("enroll:verify"));
            assertTrue(browser.messages().contains("Code successfully verified."), browser.messages());
            assertFalse(browser.messages().contains("2FA method set"), "2FA is not on before Finish: " + browser.messages());

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
            browser.inspect("enroll-recovery-codes");
            browser.find(By.id("enroll:saved")).click();
            assertTrue(browser.find(By.id("enroll:finish")).isEnabled());
            assertEquals("1", browser.find(By.id("enroll:finish")).getCssValue("opacity"), "an enabled Finish looks enabled");
            browser.submit(By.id("enroll:finish"));
            assertEquals("/account/security", path(browser));
            assertTrue(browser.messages().contains("2FA method set to TOTP."), browser.messages());
            assertTrue(browser.find(By.id("twoFactorStatus")).getText().contains("On"));
            assertTrue(browser.find(By.id("codesLeft")).getText().contains("10 of 10"));
            browser.screenshot("security-on");
            browser.inspect("security-on");
            signOut(browser);

            // Sign in: the enrollment code is spent; the next one works.
            signIn(browser);
            assertEquals("/login/verify", path(browser));
            browser.screenshot("second-step");
            browser.inspect("second-step");
            browser.type(codeField, enrollmentCode);
            browser.submit(By.id("verify:submit"));
            assertEquals("/login/verify", path(browser), "the enrollment code cannot sign in");
            browser.type(codeField, phoneCodes.next(secret));
            browser.submit(By.id("verify:submit"));
            assertEquals("/", path(browser));
            signOut(browser);

            // Sign in with a recovery code, typed in lower case with spaces.
            signIn(browser);
            browser.submit(By.linkText("Use a recovery code instead"));
            browser.inspect("recovery-code");
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
            browser.inspect("recovery-code-reused");
            enterRecoveryCode(browser, codes.get(1));
            assertEquals("/", path(browser));

            // Regenerate after a step-up, then leave: nothing changes, the old codes go on working.
            browser.open(page("/account/security"));
            openPanel(browser, "regenerate");
            assertEquals("Regenerate recovery codes?", browser.find(By.id("confirmHeading")).getText());
            assertTrue(browser.find(By.id("confirmEffect")).getText().contains("stop working"));
            assertEquals("Regenerate recovery codes", browser.find(By.id("security:confirm")).getText(),
                    "the button names the action");
            assertTrue(browser.has(By.id("stepUp")));
            assertEquals("security:password", browser.activeElementId(), "the panel's first field has the focus");
            browser.inspect("security-step-up");
            browser.type(By.id("security:password"), PASSWORD);
            browser.type(By.id("security:stepUpCode"), phoneCodes.next(secret));
            String beforeStepUp2 = browser.sessionCookie();
            browser.submit(By.id("security:confirm"));
            assertFalse(beforeStepUp2.equals(browser.sessionCookie()), "the step-up gives a new session id");
            List<String> abandoned = shownCodes(browser);
            assertEquals(10, abandoned.size());
            assertTrue(abandoned.stream().noneMatch(codes::contains));
            browser.screenshot("regenerated");
            browser.inspect("security-new-codes");
            browser.open(page("/"));
            signOut(browser);

            signIn(browser);
            browser.submit(By.linkText("Use a recovery code instead"));
            enterRecoveryCode(browser, abandoned.get(0));
            assertEquals("/login/recovery", path(browser), "codes never finished do not work");
            enterRecoveryCode(browser, codes.get(2));
            assertEquals("/", path(browser), "an abandoned regeneration leaves the old codes working");

            // Regenerate again: step-up, then "Keep my old codes" (a postback after the new session id).
            browser.open(page("/account/security"));
            openPanel(browser, "regenerate");
            browser.type(By.id("security:password"), PASSWORD);
            browser.type(By.id("security:stepUpCode"), phoneCodes.next(secret));
            browser.submit(By.id("security:confirm"));
            assertEquals(10, shownCodes(browser).size());
            browser.submit(By.id("security:discardCodes"));
            assertTrue(browser.messages().contains("old recovery codes still work"), browser.messages());

            // Within the 10 minutes a destructive action still asks, with Cancel focused; Escape closes.
            openPanel(browser, "regenerate");
            assertFalse(browser.has(By.id("stepUp")), "no password within the 10 minutes");
            assertEquals("security:cancel", browser.activeElementId(), "Cancel has the focus");
            browser.screenshot("regenerate-confirmation");
            browser.inspect("security-confirm-regenerate");
            browser.pressEscapeAndWait();
            assertFalse(browser.has(By.id("confirmAction")), "Escape closes the panel");
            assertEquals("security:regenerate", browser.activeElementId(), "the focus is back on the button");
            openPanel(browser, "disable");
            assertEquals("Disable two-factor authentication?", browser.find(By.id("confirmHeading")).getText());
            assertTrue(browser.find(By.id("confirmEffect")).getText().contains("authenticator app and all recovery codes will stop working"));
            assertEquals("Disable 2FA", browser.find(By.id("security:confirm")).getText());
            browser.inspect("security-confirm-disable");
            browser.submit(By.id("security:cancel"));
            assertTrue(browser.find(By.id("twoFactorStatus")).getText().contains("On"), "Cancel changes nothing");

            // Regenerate and Finish: now the new codes replace the old ones.
            openPanel(browser, "regenerate");
            browser.submit(By.id("security:confirm"));
            List<String> fresh = shownCodes(browser);
            assertEquals(10, fresh.size());
            browser.find(By.id("security:saved")).click();
            assertEquals("1", browser.find(By.id("security:finish")).getCssValue("opacity"), "an enabled Finish looks enabled");
            browser.submit(By.id("security:finish"));
            assertTrue(browser.messages().contains("Your new recovery codes are saved"), browser.messages());
            assertTrue(browser.find(By.id("codesLeft")).getText().contains("10 of 10"));

            // Viewing changes nothing: within the 10 minutes it needs no confirmation.
            browser.submit(By.id("security:view"));
            assertFalse(browser.has(By.id("confirmAction")));
            assertTrue(browser.find(By.id("codeListSummary")).getText().contains("10 of 10"));
            browser.screenshot("code-list");
            browser.inspect("security-code-list");

            browser.open(page("/admin"));
            browser.inspect("admin");
            browser.open(page("/no-such-page"));
            browser.inspect("error-404");
            signOut(browser);

            signIn(browser);
            browser.submit(By.linkText("Use a recovery code instead"));
            enterRecoveryCode(browser, codes.get(3));
            assertEquals("/login/recovery", path(browser), "after Finish an old code no longer works");
            enterRecoveryCode(browser, fresh.get(0));
            assertEquals("/", path(browser));

            // Disable: signing out ended the earlier step-up, so it asks again; a recovery code serves too.
            browser.open(page("/account/security"));
            openPanel(browser, "disable");
            assertTrue(browser.has(By.id("stepUp")));
            browser.submit(By.id("security:toggleRecovery"));
            browser.type(By.id("security:password"), PASSWORD);
            browser.type(By.id("security:stepUpCode"), fresh.get(1));
            browser.submit(By.id("security:confirm"));
            assertTrue(browser.messages().contains("Your 2FA settings have been successfully deleted."), browser.messages());
            assertTrue(browser.find(By.id("twoFactorStatus")).getText().contains("Off"));
            browser.screenshot("disabled");
            signOut(browser);
            signIn(browser);
            assertEquals("/", path(browser), "no second step any more");
            assertEquals(List.of(), browser.problems(), "accessibility and phone-width problems");
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
