package dev.workspace.mfa.it;

import org.openqa.selenium.By;

import java.net.URI;
import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
