package dev.workspace.mfa.it;

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
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An IT admin and two people in two real browsers, with a real SMTP server (GreenMail): the admin adds a person with a
 * temporary password, who must replace it and sets up the authenticator; the admin resets that person's 2FA, the
 * person's open page ends at the next click, and the password alone then signs in, with the prompt to set up 2FA
 * again. A person invited by email sets a password through the link, which works once; locked out by wrong
 * passwords, they are unlocked by the admin. The owner, without 2FA, cannot switch the workspace requirement on, and
 * saves another change of the policy.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIf(value = "browserAvailable", disabledReason = "needs /usr/bin/chromium and /usr/bin/chromedriver (.ci/run installs them)")
class AdminBrowserIT {

    static final String ADMIN = "it.admin@people.test";
    static final String ADMIN_PASSWORD = "admin story password";
    static final String PERSON = "grace@people.test";
    static final String PERSON_PASSWORD = "grace chose this password";
    static final String INVITED = "linus@people.test";
    static final String INVITED_PASSWORD = "linus chose this password";
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/login/set-password\\?token=\\S+)");

    private static Mailbox mailbox;

    @ArquillianResource
    URL base;

    private final PhoneCodes phoneCodes = new PhoneCodes();

    static boolean browserAvailable() {
        return Browser.available();
    }

    @Deployment(testable = false)
    static WebArchive packagedWar() throws IOException {
        mailbox = new Mailbox();
        String[] mail = mailbox.settings("workspace@people.test");
        return PackagedWar.withAdministrator("people", ADMIN, ADMIN_PASSWORD, mail[0], mail[1], mail[2],
                PackagedWar.ADMINS_WITHOUT_TWO_FACTOR);
    }

    @AfterAll
    static void stopMailServer() {
        if (mailbox != null) {
            mailbox.close();
        }
    }

    private Site site() {
        return new Site(base);
    }

    /** The people page showing just this person, as an admin finds them by the search field. */
    private void findPerson(Browser admin, String email) {
        admin.open(site().page("/admin/people"));
        admin.type(By.id("people:filterText"), email);
        admin.submit(By.id("people:search"));
        assertEquals(1, admin.findAll(By.cssSelector(".ws-person-email")).size(), admin.messages());
    }

    private static By rowButton(String action, String email) {
        return By.cssSelector("button[aria-label='" + action + " " + email + "']");
    }

    @Test
    void adminBringsPeopleInAndGetsThemBackIn() throws Exception {
        try (Browser admin = new Browser(Path.of("target", "screenshots"));
             Browser person = new Browser(Path.of("target", "screenshots"))) {
            site().signIn(admin, ADMIN, ADMIN_PASSWORD);

            // Add a person with a temporary password, shown once.
            admin.open(site().page("/admin/people"));
            admin.inspect("admin-people");
            admin.type(By.id("add:email"), PERSON);
            admin.type(By.id("add:name"), "Grace Hopper");
            admin.type(By.id("add:roles"), "user");
            admin.type(By.id("add:groups"), "navy");
            admin.find(By.cssSelector("input[name='add:welcome'][value='temporary']")).click();
            admin.submit(By.id("add:addPerson"));
            assertTrue(admin.messages().contains(PERSON + " was added."), admin.messages());
            String temporary = admin.find(By.id("temporaryPassword")).getText().trim();
            assertEquals(20, temporary.length(), "a generated temporary password");
            admin.screenshot("admin-person-added");
            admin.open(site().page("/admin/people"));
            assertFalse(admin.has(By.id("temporaryPassword")), "shown only once");

            // The person signs in with it, must replace it, and sets up the authenticator.
            site().signIn(person, PERSON, temporary);
            assertEquals("/login/new-password", site().path(person));
            assertEquals("new-password", person.find(By.id("newPassword:password")).getAttribute("autocomplete"));
            person.type(By.id("newPassword:password"), PERSON_PASSWORD);
            person.type(By.id("newPassword:confirmation"), PERSON_PASSWORD);
            person.submit(By.id("newPassword:save"));
            assertEquals("/", site().path(person));
            person.submit(By.id("promptEnable"));
            site().enrollAuthenticator(person, PERSON_PASSWORD, phoneCodes);

            // The admin sees it, and resets it after the person lost their phone: the email must be typed.
            findPerson(admin, PERSON);
            assertTrue(admin.find(By.id("people:peopleTable")).getText().contains("Authenticator app"));
            admin.submit(rowButton("Edit", PERSON));
            admin.type(By.id("people:resetConfirmation"), "someone.else@people.test");
            admin.submit(By.id("people:resetTwoFactor"));
            assertTrue(admin.messages().contains("Type the person's email exactly to confirm."), admin.messages());
            admin.type(By.id("people:resetConfirmation"), PERSON);
            admin.screenshot("admin-reset-confirmation");
            admin.inspect("admin-reset");
            admin.submit(By.id("people:resetTwoFactor"));
            assertTrue(admin.messages().contains("2FA of " + PERSON + " was reset"), admin.messages());
            assertTrue(mailbox.awaitMail(PERSON, "Workspace: two-factor authentication reset by an administrator")
                    .contains("set up two-factor authentication again"), "the person is emailed what to do");

            // The person's open page ends at the next click.
            person.submit(By.id("changePassword"));
            assertEquals("/login", site().path(person), "the session ended");

            // The password alone signs in now, and the person is asked to set 2FA up again.
            site().signIn(person, PERSON, PERSON_PASSWORD);
            assertEquals("/account/password", site().path(person), "back where the click was going, without a code");
            person.open(site().page("/"));
            assertTrue(person.has(By.id("twoFactorPrompt")), "asked to set up 2FA again");
            person.screenshot("person-after-reset");

            // An invited person: the link from the email works once.
            admin.open(site().page("/admin/people"));
            admin.type(By.id("add:email"), INVITED);
            admin.type(By.id("add:name"), "Linus");
            admin.type(By.id("add:roles"), "user");
            admin.find(By.cssSelector("input[name='add:welcome'][value='invite']")).click();
            admin.submit(By.id("add:addPerson"));
            assertTrue(admin.messages().contains(INVITED + " was added and invited by email."), admin.messages());
            Matcher link = LINK.matcher(mailbox.awaitMail(INVITED, "Workspace: you are invited"));
            assertTrue(link.find(), "a set-password link in the invitation");
            String invitation = link.group(1);
            site().signOut(person);
            person.open(invitation);
            assertEquals(INVITED, person.find(By.id("linkEmail")).getText().trim());
            person.type(By.id("setPassword:password"), INVITED_PASSWORD);
            person.type(By.id("setPassword:confirmation"), INVITED_PASSWORD);
            person.submit(By.id("setPassword:save"));
            assertTrue(person.has(By.id("passwordSet")), person.messages());
            person.open(invitation);
            assertTrue(person.has(By.id("linkNotUsable")), "the link works once");
            assertFalse(person.has(By.id("setPassword:password")));
            person.inspect("set-password-used");

            // Ten wrong passwords lock the invited person out; the admin unlocks them.
            for (int i = 0; i < 10; i++) {
                site().signIn(person, INVITED, "a wrong password " + i);
            }
            site().signIn(person, INVITED, INVITED_PASSWORD);
            assertEquals("/login", site().path(person), "locked: even the right password is refused");
            admin.open(site().page("/admin/people"));
            admin.find(By.cssSelector("#people\\:filterLocked option[value='yes']")).click();
            admin.submit(By.id("people:search"));
            List<String> locked = admin.findAll(By.cssSelector(".ws-person-email")).stream().map(e -> e.getText().trim()).toList();
            assertEquals(List.of(INVITED), locked, "the locked filter finds them");
            admin.screenshot("admin-locked-filter");
            admin.submit(rowButton("Unlock", INVITED));
            assertTrue(admin.messages().contains(INVITED + " was unlocked and emailed."), admin.messages());
            assertTrue(mailbox.awaitMail(INVITED, "Workspace: your account was unlocked").contains("You can sign in again."));
            site().signIn(person, INVITED, INVITED_PASSWORD);
            assertEquals("/", site().path(person), "signed in after the unlock");

            // The workspace policy: an owner without 2FA is told, and cannot switch a requirement on.
            admin.open(site().page("/admin"));
            admin.submit(By.id("policyLink"));
            assertTrue(admin.has(By.id("needTwoFactor")), "the page says so before the owner tries");
            admin.inspect("admin-policy");
            admin.find(By.id("policy:requireTwoFactor")).click();
            admin.submit(By.id("policy:save"));
            assertTrue(admin.messages().contains("Set up two-factor authentication for yourself first"), admin.messages());
            admin.find(By.id("policy:requireTwoFactor")).click();
            admin.type(By.id("policy:rememberDeviceDays"), "14");
            admin.submit(By.id("policy:save"));
            assertTrue(admin.messages().contains("Policy saved."), admin.messages());
            admin.open(site().page("/admin/policy"));
            assertEquals("14", admin.find(By.id("policy:rememberDeviceDays")).getAttribute("value"));
            assertFalse(admin.find(By.id("policy:requireTwoFactor")).isSelected());
            admin.screenshot("admin-policy");

            assertEquals(List.of(), admin.problems(), "accessibility and phone-width problems");
        }
    }
}
