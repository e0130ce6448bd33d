package dev.workspace.mfa.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.workspace.mfa.core.totp.Base32;
import jakarta.mail.MessagingException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three methods in a real browser, against a real SMTP server (GreenMail) and a real HTTP SMS gateway (WireMock),
 * in a workspace that requires two-factor authentication: set up email with the emailed code, sign in with an emailed
 * code, switch to SMS (the old email code is refused) and back, switch to the authenticator app, and move it to a new
 * phone (the old phone's codes are refused). Sending is capped at 5 codes an hour per person, so step-ups on the way
 * use recovery codes where the story would otherwise need a sixth code.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIf(value = "browserAvailable", disabledReason = "needs /usr/bin/chromium and /usr/bin/chromedriver (.ci/run installs them)")
class MethodsBrowserIT {

    static final String EMAIL = "ada@methods.test";
    static final String PASSWORD = "methods test password";
    static final String MOBILE = "+49 151 23456789";
    static final String GATEWAY_TOKEN = "gateway-test-token";
    private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");

    private static Mailbox mailbox;
    private static WireMockServer smsGateway;

    @ArquillianResource
    URL base;

    private final PhoneCodes phoneCodes = new PhoneCodes();

    static boolean browserAvailable() {
        return Browser.available();
    }

    /** The mail server and the gateway start before the application, which is configured with their ports. */
    @Deployment(testable = false)
    static WebArchive packagedWar() throws IOException {
        mailbox = new Mailbox();
        smsGateway = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        smsGateway.start();
        smsGateway.stubFor(post(urlEqualTo("/sms")).willReturn(ok()));
        String[] mail = mailbox.settings("workspace@methods.test");
        return PackagedWar.withAdministrator("methods", EMAIL, PASSWORD, mail[0], mail[1], mail[2],
                "mfa.sms.gateway.url=http://127.0.0.1:" + smsGateway.port() + "/sms",
                "mfa.sms.gateway.token=" + GATEWAY_TOKEN,
                "mfa.sms.regions=DE",
                "mfa.require.two.factor=true");
    }

    @AfterAll
    static void stopServers() {
        if (mailbox != null) {
            mailbox.close();
        }
        if (smsGateway != null) {
            smsGateway.stop();
        }
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

    private static String newestMail(String subject, int expectedCount) throws MessagingException, IOException {
        return mailbox.newest(EMAIL, subject, expectedCount);
    }

    private static String codeIn(String text) {
        Matcher code = SIX_DIGITS.matcher(text);
        assertTrue(code.find(), "a 6-digit code in: " + text);
        return code.group(1);
    }

    private static String emailedCode(int expectedCount) throws MessagingException, IOException {
        return codeIn(newestMail("Workspace: email verification code", expectedCount));
    }

    /** The newest text the gateway received: checks the request as the gateway sees it, returns the code. */
    private static String textedCode(int expectedCount) {
        List<LoggedRequest> requests = smsGateway.findAll(postRequestedFor(urlEqualTo("/sms"))
                .withHeader("Authorization", equalTo("Bearer " + GATEWAY_TOKEN))
                .withHeader("Content-Type", equalTo("application/json")));
        assertEquals(expectedCount, requests.size(), "texts sent");
        String body = requests.get(requests.size() - 1).getBodyAsString();
        assertTrue(body.contains("\"to\":\"+4915123456789\""), "the number in E.164: " + body);
        return codeIn(body);
    }

    /** The step-up on the enrollment page with a recovery code (no code needs sending). */
    private void stepUpWithRecoveryCode(Browser browser, String recoveryCode) {
        assertEquals("/account/enroll", path(browser), browser.messages());
        browser.submit(By.id("enroll:toggleRecovery"));
        browser.type(By.id("enroll:password"), PASSWORD);
        browser.type(By.id("enroll:stepUpCode"), recoveryCode);
        browser.submit(By.id("enroll:continue"));
    }

    private static String secretOnPage(Browser browser) {
        return browser.find(By.id("secret")).getAttribute("textContent").replace(" ", "");
    }

    @Test
    void emailSmsAndANewPhoneInAWorkspaceThatRequiresTwoFactor() throws Exception {
        try (Browser browser = new Browser(Path.of("target", "screenshots"))) {
            signIn(browser);
            assertEquals("/account/security", path(browser), "2FA is required at once: the methods to choose from");
            assertTrue(browser.has(By.id("setUpRequired")), browser.messages());
            browser.open(page("/admin"));
            assertEquals("/account/security", path(browser), "no other page opens until a method is set up");
            assertTrue(browser.find(By.id("method-SMS")).getText().contains("Weakest option"));
            browser.screenshot("methods-off");
            browser.inspect("methods-off");

            // Email: the account's address is proposed; its code arrives by SMTP.
            browser.submit(By.id("enable-EMAIL"));
            assertEquals("/account/enroll", path(browser));
            browser.type(By.id("enroll:password"), PASSWORD);
            browser.submit(By.id("enroll:continue"));
            assertEquals(EMAIL, browser.find(By.id("enroll:destination")).getAttribute("value"));
            browser.inspect("enroll-email-address");
            browser.submit(By.id("enroll:sendCode"));
            assertTrue(browser.messages().contains("The code was sent to the email address provided."), browser.messages());
            browser.type(By.id("enroll:code"), "000000");
            browser.submit(By.id("enroll:verify"));
            assertTrue(browser.find(By.id("enroll:code")).getAttribute("aria-invalid").equals("true"), "a wrong code is refused");
            browser.type(By.id("enroll:code"), emailedCode(1));
            browser.submit(By.id("enroll:verify"));
            assertTrue(browser.messages().contains("Code successfully verified."), browser.messages());
            List<String> recoveryCodes = browser.findAll(By.cssSelector("#recoveryCodes li")).stream()
                    .map(e -> e.getText().trim()).toList();
            assertEquals(10, recoveryCodes.size());
            browser.find(By.id("enroll:saved")).click();
            browser.submit(By.id("enroll:finish"));
            assertEquals("/account/security", path(browser));
            assertTrue(browser.messages().contains("Code successfully verified. 2FA method set to email."), browser.messages());
            assertFalse(browser.find(By.id("security:disable")).isEnabled(), "the workspace requires two-factor");
            assertTrue(newestMail("Workspace: two-factor authentication turned on", 2).contains("email codes"));
            assertTrue(browser.find(By.id("disableLocked")).getText().contains("switch to another method"),
                    "the lock says why, and what stays possible");
            browser.screenshot("methods-email");
            browser.inspect("methods-email");
            browser.open(page("/admin"));
            assertEquals("/admin", path(browser), "set up: the workspace opens");
            signOut(browser);

            // Sign in with an emailed code; the page shows the address masked.
            signIn(browser);
            assertEquals("/login/verify", path(browser));
            assertTrue(browser.find(By.id("intro")).getText().contains("a•••@methods.test"), browser.find(By.id("intro")).getText());
            browser.inspect("verify-email");
            // "Resend code" at once: nothing new is sent, the last code still works, the page still names the address.
            browser.submit(By.id("resend:resendCode"));
            assertEquals("/login/verify", path(browser));
            assertTrue(browser.messages().contains("less than 30 seconds ago"), browser.messages());
            assertTrue(browser.find(By.id("intro")).getText().contains("a•••@methods.test"), browser.find(By.id("intro")).getText());
            String emailSignInCode = emailedCode(3);
            browser.type(By.id("verify:code"), emailSignInCode);
            browser.submit(By.id("verify:submit"));
            assertEquals("/", path(browser));

            // Switch to SMS: step-up, then the number, then the texted code; Finish is not needed for a switch.
            browser.open(page("/account/security"));
            browser.submit(By.id("use-SMS"));
            stepUpWithRecoveryCode(browser, recoveryCodes.get(0));
            browser.type(By.id("enroll:destination"), "12345");
            browser.submit(By.id("enroll:sendCode"));
            assertTrue(browser.find(By.id("enroll:destination")).getAttribute("aria-invalid").equals("true"), "a bad number is refused");
            browser.type(By.id("enroll:destination"), MOBILE);
            browser.submit(By.id("enroll:sendCode"));
            assertTrue(browser.messages().contains("The code was sent to the mobile number provided."), browser.messages());
            browser.inspect("enroll-sms-code");
            browser.type(By.id("enroll:code"), textedCode(1));
            browser.submit(By.id("enroll:verify"));
            assertEquals("/account/security", path(browser));
            assertTrue(browser.messages().contains("Code successfully verified. 2FA method set to SMS."), browser.messages());
            assertTrue(newestMail("Workspace: two-factor method changed", 5).contains("SMS codes"));
            signOut(browser);

            // After the switch an email code opens nothing; the texted one does.
            signIn(browser);
            assertTrue(browser.find(By.id("intro")).getText().contains("by SMS"), browser.find(By.id("intro")).getText());
            browser.type(By.id("verify:code"), emailSignInCode);
            browser.submit(By.id("verify:submit"));
            assertEquals("/login/verify", path(browser), "the previous method's code is refused");
            browser.type(By.id("verify:code"), textedCode(2));
            browser.submit(By.id("verify:submit"));
            assertEquals("/", path(browser));

            // And back to email.
            browser.open(page("/account/security"));
            browser.submit(By.id("use-EMAIL"));
            stepUpWithRecoveryCode(browser, recoveryCodes.get(1));
            browser.submit(By.id("enroll:sendCode"));
            browser.type(By.id("enroll:code"), emailedCode(7));
            browser.submit(By.id("enroll:verify"));
            assertTrue(browser.messages().contains("Code successfully verified. 2FA method set to email."), browser.messages());
            assertTrue(browser.find(By.id("codesLeft")).getText().contains("8 of 10"), "recovery codes survive switches");

            // The authenticator app: the step-up of two minutes ago still holds, so the QR code comes at once.
            browser.submit(By.id("use-TOTP"));
            assertFalse(browser.has(By.id("stepUp")), "a step-up holds for 10 minutes");
            byte[] oldPhone = Base32.decode(secretOnPage(browser));
            browser.type(By.id("enroll:code"), phoneCodes.next(oldPhone));
            browser.submit(By.id("enroll:verify"));
            assertTrue(browser.messages().contains("Code successfully verified. 2FA method set to TOTP."), browser.messages());
            signOut(browser);

            // A new phone, in a new session (so with a step-up by the old phone), while two-factor is required.
            signIn(browser);
            browser.type(By.id("verify:code"), phoneCodes.next(oldPhone));
            browser.submit(By.id("verify:submit"));
            assertEquals("/", path(browser));
            browser.open(page("/account/security"));
            browser.submit(By.id("replace-TOTP"));
            browser.type(By.id("enroll:password"), PASSWORD);
            browser.type(By.id("enroll:stepUpCode"), phoneCodes.next(oldPhone));
            browser.submit(By.id("enroll:continue"));
            byte[] newPhone = Base32.decode(secretOnPage(browser));
            assertFalse(Arrays.equals(oldPhone, newPhone), "a new secret for the new phone");
            browser.type(By.id("enroll:code"), phoneCodes.next(newPhone));
            browser.submit(By.id("enroll:verify"));
            assertTrue(browser.messages().contains("new phone is set up"), browser.messages());
            assertTrue(newestMail("Workspace: second factor moved to a new device", 10).contains("an authenticator app"));
            browser.screenshot("methods-new-phone");
            signOut(browser);

            signIn(browser);
            browser.type(By.id("verify:code"), phoneCodes.next(oldPhone));
            browser.submit(By.id("verify:submit"));
            assertEquals("/login/verify", path(browser), "the old phone's code is refused");
            browser.type(By.id("verify:code"), phoneCodes.next(newPhone));
            browser.submit(By.id("verify:submit"));
            assertEquals("/", path(browser));
            assertEquals(List.of(), browser.problems(), "accessibility and phone-width problems");
        }
    }
}
