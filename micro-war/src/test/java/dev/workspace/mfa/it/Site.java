package dev.workspace.mfa.it;

import org.openqa.selenium.By;

import dev.workspace.mfa.core.totp.Base32;

import java.net.URI;
import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deployed application as the browser stories walk it: its pages, and signing in and out as a person does. */
final class Site {

    private final URL base;

    Site(URL base) {
        this.base = base;
    }

    String page(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    /** The path of the browser's page within the application. */
    String path(Browser browser) {
        return URI.create(browser.url()).getPath().substring(URI.create(base.toString()).getPath().length() - 1);
    }

    void signIn(Browser browser, String email, String password) {
        browser.open(page("/login"));
        browser.type(By.cssSelector("input[type=email][autocomplete=username]"), email);
        browser.type(By.cssSelector("input[type=password][autocomplete=current-password]"), password);
        browser.submit(By.id("login:signIn"));
    }

    /** Through the menu under the person's name, as a person would. */
    void signOut(Browser browser) {
        browser.find(By.id("accountButton")).click();
        browser.submit(By.cssSelector(".ws-signout button"));
        assertEquals("/login", path(browser));
    }

    /**
     * From the security page: the authenticator app, as a person sets it up (password, QR code, code, codes saved).
     *
     * @return the app's secret, for the codes of later sign-ins
     */
    byte[] setUpAuthenticator(Browser browser, String password, PhoneCodes phone) throws InterruptedException {
        browser.submit(By.id("enable-TOTP"));
        return enrollAuthenticator(browser, password, phone);
    }

    /**
     * The authenticator app's enrollment pages, from the password on, wherever they were opened from (the security
     * page, the home page's prompt).
     *
     * @return the app's secret, for the codes of later sign-ins
     */
    byte[] enrollAuthenticator(Browser browser, String password, PhoneCodes phone) throws InterruptedException {
        browser.type(By.id("enroll:password"), password);
        browser.submit(By.id("enroll:continue"));
        byte[] secret = Base32.decode(browser.find(By.id("secret")).getAttribute("textContent").replace(" ", ""));
        browser.type(By.id("enroll:code"), phone.next(secret));
        browser.submit(By.id("enroll:verify"));
        browser.find(By.id("enroll:saved")).click();
        browser.submit(By.id("enroll:finish"));
        assertEquals("/account/security", path(browser), browser.messages());
        assertTrue(browser.find(By.id("twoFactorStatus")).getText().contains("On"));
        return secret;
    }
}
