package dev.workspace.mfa.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workspace policy as people meet it, in real browsers, with the policy's defaults: the owner must set up 2FA
 * before anything else opens (admins need it at once); the owner then requires 2FA for everyone with a 7-day grace
 * period, and a person sees the deadline on every page and may go on without it; with the grace period at 0 and a
 * kiosk group excluded, the person can open nothing but the enrollment pages until a method is set up, while the
 * kiosk account is not asked. A remembered browser then skips the code at sign-in, until an admin resets the person;
 * a method the owner no longer allows is offered for replacement.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIf(value = "browserAvailable", disabledReason = "needs /usr/bin/chromium and /usr/bin/chromedriver (.ci/run installs them)")
class PolicyBrowserIT {

    static final String OWNER = "owner@policy.test";
    static final String OWNER_PASSWORD = "owner policy password";
    static final String PERSON = "ada@policy.test";
    static final String KIOSK = "kiosk@policy.test";
    static final String PASSWORD = "people policy password";
    static final String BOOTSTRAP_TOKEN = "bootstrap-token-for-the-policy-story-0123";

    @ArquillianResource
    URL base;

    private final PhoneCodes ownersPhone = new PhoneCodes();
    private final PhoneCodes personsPhone = new PhoneCodes();

    static boolean browserAvailable() {
        return Browser.available();
    }

    @Deployment(testable = false)
    static WebArchive packagedWar() {
        return PackagedWar.withAdministrator("policy", OWNER, OWNER_PASSWORD, "mfa.bootstrap.api.token=" + BOOTSTRAP_TOKEN,
                "mfa.time.zone=UTC");
    }

    private Site site() {
        return new Site(base);
    }

    /** People come in through the admin API, as a provisioning script brings them. */
    private void provisionPeople() throws Exception {
        String csv = "email,name,roles,groups,password\n"
                + PERSON + ",Ada,user,," + PASSWORD + "\n"
                + KIOSK + ",Front desk,user,kiosk," + PASSWORD + "\n";
        HttpResponse<String> imported = api("POST", "/api/v1/users/import", "text/csv", csv);
        assertEquals(200, imported.statusCode(), imported.body());
        assertTrue(imported.body().contains("\"created\":2"), imported.body());
    }

    private HttpResponse<String> api(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site().page(path)))
                .header("Authorization", "Bearer " + BOOTSTRAP_TOKEN)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void savePolicy(Browser owner, boolean required, int graceDays, String excludeGroups) {
        owner.open(site().page("/admin/policy"));
        if (owner.find(By.id("policy:requireTwoFactor")).isSelected() != required) {
            owner.find(By.id("policy:requireTwoFactor")).click();
        }
        owner.type(By.id("policy:graceDays"), Integer.toString(graceDays));
        owner.type(By.id("policy:excludeGroups"), excludeGroups);
        owner.submit(By.id("policy:save"));
        assertTrue(owner.messages().contains("Policy saved."), owner.messages());
    }

    @Test
    void theOwnerRequiresTwoFactorAndEveryoneItCoversSetsItUp() throws Exception {
        try (Browser owner = new Browser(Path.of("target", "screenshots"));
             Browser person = new Browser(Path.of("target", "screenshots"))) {
            // Admins and owners need 2FA at once: after the password, only the methods open.
            site().signIn(owner, OWNER, OWNER_PASSWORD);
            assertEquals("/account/security", site().path(owner));
            assertTrue(owner.has(By.id("setUpRequired")), owner.messages());
            owner.screenshot("policy-owner-forced");
            owner.inspect("policy-forced-enrollment");
            for (String elsewhere : List.of("/", "/admin", "/admin/people", "/account/password")) {
                owner.open(site().page(elsewhere));
                assertEquals("/account/security", site().path(owner), elsewhere + " leads back to the enrollment");
            }
            site().setUpAuthenticator(owner, OWNER_PASSWORD, ownersPhone);
            assertFalse(owner.has(By.id("setUpRequired")));
            owner.open(site().page("/admin/people"));
            assertEquals("/admin/people", site().path(owner), "set up: the console opens");

            // Required for everyone with 7 days of grace: a banner with the date on every page, and skipping works.
            provisionPeople();
            savePolicy(owner, true, 7, "");
            owner.open(site().page("/admin"));
            assertEquals("1 of 3 people use two-factor authentication (33 %)", owner.find(By.id("adoptionWith")).getText().trim());
            assertTrue(owner.find(By.id("adoptionGrace")).getText().endsWith(": 2"), owner.find(By.id("adoptionGrace")).getText());
            assertTrue(owner.find(By.id("adoptionDue")).getText().endsWith(": 0"));
            assertTrue(owner.has(By.cssSelector("#enrollments canvas")), "the enrollments chart");
            owner.screenshot("policy-adoption");
            owner.inspect("policy-adoption");
            owner.submit(By.id("adoptionGrace"));
            assertEquals(Set.of(PERSON, KIOSK), owner.findAll(By.cssSelector(".ws-person-email")).stream()
                    .map(e -> e.getText().trim()).collect(Collectors.toSet()), "the figure links to the people it counts");
            site().signIn(person, PERSON, PASSWORD);
            assertEquals("/", site().path(person));
            String deadline = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(LocalDate.now(ZoneOffset.UTC).plusDays(7));
            assertTrue(person.find(By.id("gracePeriod")).getText().contains("Set up two-factor authentication by " + deadline),
                    person.find(By.id("gracePeriod")).getText());
            assertFalse(person.has(By.id("prompt:never")), "no \"Don't ask again\" when the workspace requires it");
            assertFalse(person.has(By.id("prompt:notNow")));
            person.screenshot("policy-grace-banner");
            person.inspect("policy-grace-banner");
            person.open(site().page("/account/password"));
            assertEquals("/account/password", site().path(person), "within the grace period other pages open");
            assertTrue(person.has(By.id("gracePeriod")), "and show the banner too");
            person.submit(By.id("setUpNow"));
            assertEquals("/account/security", site().path(person));
            assertTrue(person.find(By.id("setUpBy")).getText().contains(deadline), "the methods, with the date");
            site().signOut(person);

            // Grace 0, kiosks excluded: the person can open nothing but the enrollment pages; the kiosk is not asked.
            savePolicy(owner, true, 0, "kiosk");
            site().signIn(person, KIOSK, PASSWORD);
            assertEquals("/", site().path(person), "an excluded group is not asked");
            assertFalse(person.has(By.id("gracePeriod")));
            site().signOut(person);
            site().signIn(person, PERSON, PASSWORD);
            assertEquals("/account/security", site().path(person), "required now");
            person.open(site().page("/"));
            assertEquals("/account/security", site().path(person));
            assertFalse(person.find(By.id("security")).getText().contains("Turn off"), "nothing but the methods");
            assertFalse(person.has(By.id("changePassword")));
            byte[] secret = site().setUpAuthenticator(person, PASSWORD, personsPhone);
            person.open(site().page("/"));
            assertEquals("/", site().path(person), "set up: the workspace opens");
            assertFalse(person.has(By.id("gracePeriod")));
            person.open(site().page("/account/security"));
            assertFalse(person.find(By.id("security:disable")).isEnabled(), "required: it cannot be turned off");
            assertTrue(person.has(By.id("disableLocked")));

            // "Don't ask again on this device": the next sign-in asks the password only, until an admin's reset.
            site().signOut(person);
            site().signIn(person, PERSON, PASSWORD);
            assertEquals("/login/verify", site().path(person));
            assertEquals("Don't ask again on this device for 30 days",
                    person.find(By.cssSelector("label[for='verify:rememberDevice']")).getText().trim());
            person.find(By.id("verify:rememberDevice")).click();
            person.type(By.id("verify:code"), personsPhone.next(secret));
            person.submit(By.id("verify:submit"));
            assertEquals("/", site().path(person));
            Cookie device = person.cookie("mfa_device");
            assertTrue(device != null && device.isHttpOnly() && "Lax".equals(device.getSameSite()) && "/".equals(device.getPath()),
                    "an HttpOnly, SameSite=Lax cookie for the whole site: " + device);
            assertTrue(device.getExpiry().toInstant().isAfter(Instant.now().plus(Duration.ofDays(29))), "for 30 days");
            site().signOut(person);
            site().signIn(person, PERSON, PASSWORD);
            assertEquals("/", site().path(person), "remembered: no code asked after the password");
            person.open(site().page("/account/security"));
            assertTrue(person.find(By.id("deviceList")).getText().contains("Chrome on Linux"), person.find(By.id("deviceList")).getText());
            person.screenshot("policy-remembered-device");
            person.inspect("policy-remembered-device");

            Matcher id = Pattern.compile("\"id\":\"(\\d+)\"").matcher(api("GET", "/api/v1/users?q=" + PERSON, null, null).body());
            assertTrue(id.find(), "the person's id");
            assertEquals(204, api("POST", "/api/v1/users/" + id.group(1) + "/reset-two-factor", null, null).statusCode());
            site().signIn(person, PERSON, PASSWORD);
            assertEquals("/account/security", site().path(person), "reset: 2FA to set up again at once");
            byte[] newSecret = site().setUpAuthenticator(person, PASSWORD, personsPhone);
            site().signOut(person);
            site().signIn(person, PERSON, PASSWORD);
            assertEquals("/login/verify", site().path(person), "the device remembered before the reset is asked for a code");
            person.type(By.id("verify:code"), personsPhone.next(newSecret));
            person.submit(By.id("verify:submit"));
            assertEquals("/", site().path(person));

            // The authenticator app no longer allowed: it keeps working, and the person is asked to choose another.
            owner.open(site().page("/admin/policy"));
            owner.find(By.cssSelector("input[name='policy:allowedMethods'][value='TOTP']")).click();
            owner.submit(By.id("policy:save"));
            assertTrue(owner.messages().contains("Policy saved."), owner.messages());
            site().signOut(person);
            site().signIn(person, PERSON, PASSWORD);
            person.type(By.id("verify:code"), personsPhone.next(newSecret));
            person.submit(By.id("verify:submit"));
            assertEquals("/", site().path(person));
            assertTrue(person.has(By.id("replaceMethod")), "offered for replacement at sign-in");
            person.submit(By.id("chooseMethod"));
            assertTrue(person.find(By.id("methodDisallowed")).getText().contains("no longer allows authenticator app"),
                    person.find(By.id("methodDisallowed")).getText());
            assertFalse(person.has(By.id("method-TOTP")), "not offered any more");
            person.screenshot("policy-method-disallowed");

            assertEquals(List.of(), owner.problems(), "accessibility and phone-width problems");
            assertEquals(List.of(), person.problems(), "accessibility and phone-width problems");
        }
    }
}
