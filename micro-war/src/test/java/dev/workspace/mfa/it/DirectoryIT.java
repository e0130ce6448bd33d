package dev.workspace.mfa.it;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.workspace.mfa.core.directory.TestDirectoryServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workspace signing people in against a real directory (UnboundID's in-memory server) over LDAPS with a private
 * CA, the first server of the list being down: a person is created at the first sign-in with their groups, a group
 * change reaches their roles at the next one, wrong passwords lock like ours, the sync deactivates a leaver, and a
 * directory that stops gives a clear 503 while the local owner still signs in. In a real browser, a policy rule on a
 * directory group makes a directory person set up 2FA at their first sign-in, and the next asks for a code.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectoryIT {

    static final String OWNER = "owner@directory.test";
    static final String OWNER_PASSWORD = "local owner password";
    static final String BOOTSTRAP_TOKEN = "bootstrap-token-for-the-directory-test-01";
    static final String ADA = "ada@example.test";

    private static TestDirectoryServer directory;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive packagedWar() throws Exception {
        directory = new TestDirectoryServer();
        String down;
        try (ServerSocket socket = new ServerSocket(0)) {
            down = "ldap://localhost:" + socket.getLocalPort();
        }
        return PackagedWar.withAdministrator("directory", OWNER, OWNER_PASSWORD,
                "mfa.bootstrap.api.token=" + BOOTSTRAP_TOKEN,
                "mfa.ldap.url=" + down + " " + directory.ldapsUrl(),
                "mfa.ldap.bind.dn=" + TestDirectoryServer.SERVICE_DN,
                "mfa.ldap.bind.password=" + TestDirectoryServer.SERVICE_PASSWORD,
                "mfa.ldap.user.base=" + TestDirectoryServer.PEOPLE,
                "mfa.ldap.user.filter=(&(objectClass=inetOrgPerson)(mail={0}))",
                "mfa.ldap.group.base=" + TestDirectoryServer.BASE,
                "mfa.ldap.trust.store=" + directory.trustStore(),
                "mfa.ldap.trust.store.password=" + TestDirectoryServer.STORE_PASSWORD,
                "mfa.ldap.admin.groups=it-admins");
    }

    @AfterAll
    static void stopDirectory() {
        if (directory != null) {
            directory.close();
        }
    }

    private WebClient browser() throws Exception {
        return new WebClient(base.toURI());
    }

    private HttpResponse<String> api(String method, String path) throws Exception {
        return api(method, path, null);
    }

    private HttpResponse<String> api(String method, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.toURI().resolve(path.substring(1)))
                .header("Authorization", "Bearer " + BOOTSTRAP_TOKEN).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static boolean browserAvailable() {
        return Browser.available();
    }

    private JsonObject person(String email) throws Exception {
        HttpResponse<String> found = api("GET", "/api/v1/users?q=" + email);
        JsonObject page = Json.createReader(new StringReader(found.body())).readObject();
        assertEquals(1, page.getInt("total"), found.body());
        return page.getJsonArray("items").getJsonObject(0);
    }

    private static Set<String> strings(JsonObject person, String field) {
        return person.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .collect(Collectors.toSet());
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    @Test
    @Order(1)
    void theFirstSignInCreatesThePersonWithTheirGroups() throws Exception {
        assertEquals(0, count(ADA), "nobody from the directory before they sign in");
        WebClient client = browser();
        HttpResponse<String> signedIn = client.signIn("Ada@Example.test", "ada-directory-password");
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        assertEquals("/", location(signedIn));
        assertTrue(client.get("/account/password").body().contains("kept in your company directory"),
                "Change password says where to change it instead");
        JsonObject ada = person(ADA);
        assertEquals("directory", ada.getString("source"));
        assertEquals("Ada Lovelace", ada.getString("name"));
        assertEquals(Set.of("accountants", "finance"), strings(ada, "groups"), "nested groups included");
        assertEquals(Set.of("user"), strings(ada, "roles"));
        assertFalse(ada.isNull("directorySynced"));
    }

    private int count(String email) throws Exception {
        return Json.createReader(new StringReader(api("GET", "/api/v1/users?q=" + email).body())).readObject().getInt("total");
    }

    @Test
    @Order(2)
    void aGroupChangeReachesGroupsAndRolesAtTheNextSignIn() throws Exception {
        directory.server().modify("cn=it-admins,ou=groups," + TestDirectoryServer.BASE,
                new Modification(ModificationType.ADD, "member", "uid=ada,ou=people," + TestDirectoryServer.BASE));
        WebClient client = browser();
        assertEquals(302, client.signIn(ADA, "ada-directory-password").statusCode());
        assertEquals("/account/security", location(client.get("/")), "an admin now, who needs 2FA at once");
        JsonObject ada = person(ADA);
        assertEquals(Set.of("accountants", "finance", "it-admins"), strings(ada, "groups"));
        assertEquals(Set.of("user", "admin"), strings(ada, "roles"), "it-admins maps to admin");
    }

    @Test
    @Order(3)
    void wrongDirectoryPasswordsCountTowardOurLockout() throws Exception {
        WebClient client = browser();
        for (int i = 0; i < 9; i++) {
            assertEquals(401, client.signIn("linus@example.test", "wrong " + i).statusCode());
        }
        assertEquals(429, client.signIn("linus@example.test", "wrong 9").statusCode(), "the tenth failure locks");
        HttpResponse<String> locked = client.signIn("linus@example.test", "linus-directory-password");
        assertEquals(429, locked.statusCode(), "locked, even with the right password");
        assertEquals(401, browser().signIn("*@example.test", "ada-directory-password").statusCode(),
                "a filter character in the email finds nobody");
    }

    @Test
    @Order(4)
    void theSyncDeactivatesSomeoneWhoLeftTheDirectory() throws Exception {
        assertEquals(302, browser().signIn("grace@example.test", "grace-directory-password").statusCode());
        directory.server().modify("cn=it-admins,ou=groups," + TestDirectoryServer.BASE,
                new Modification(ModificationType.DELETE, "member", "uid=grace,ou=people," + TestDirectoryServer.BASE));
        directory.server().delete("uid=grace,ou=people," + TestDirectoryServer.BASE);
        HttpResponse<String> sync = api("POST", "/api/v1/directory/sync");
        assertEquals(200, sync.statusCode(), sync.body());
        JsonObject report = Json.createReader(new StringReader(sync.body())).readObject();
        assertEquals(1, report.getInt("deactivated"), sync.body());
        assertFalse(person("grace@example.test").getBoolean("active"));
        assertEquals(401, browser().signIn("grace@example.test", "grace-directory-password").statusCode());
    }

    @Test
    @Order(5)
    void aDirectoryThatStopsFailsClearlyAndLocalPeopleStillSignIn() throws Exception {
        directory.stop();
        try {
            HttpResponse<String> unavailable = browser().signIn(ADA, "ada-directory-password");
            assertEquals(503, unavailable.statusCode());
            assertTrue(unavailable.body().contains("Sign-in is unavailable right now, try again in a minute."),
                    unavailable.body());
            HttpResponse<String> owner = browser().signIn(OWNER, OWNER_PASSWORD);
            assertEquals(302, owner.statusCode(), "the local owner signs in without the directory");
            HttpResponse<String> sync = api("POST", "/api/v1/directory/sync");
            assertEquals(503, sync.statusCode());
            assertTrue(sync.body().contains("directory_unavailable"), sync.body());
            assertTrue(person(ADA).getBoolean("active"), "nobody is deactivated by an outage");
        } finally {
            directory.start();
        }
        assertEquals(302, browser().signIn(ADA, "ada-directory-password").statusCode(), "back when the directory is");
    }

    @Test
    @Order(6)
    @EnabledIf(value = "browserAvailable", disabledReason = "needs /usr/bin/chromium and /usr/bin/chromedriver (.ci/run installs them)")
    void aDirectoryPersonIsMadeToSetUpTwoFactorByAGroupRuleThenSignsInWithACode() throws Exception {
        HttpResponse<String> policy = api("PUT", "/api/v1/policy", "{\"requireTwoFactor\": true, \"graceDays\": 0,"
                + " \"allowedMethods\": [\"TOTP\", \"EMAIL\", \"SMS\"], \"recoveryCodesViewable\": false,"
                + " \"rememberDeviceDays\": 30, \"adminsRequireTwoFactor\": true, \"enforceGroups\": [\"finance\"],"
                + " \"excludeGroups\": []}");
        assertEquals(200, policy.statusCode(), policy.body());
        Site site = new Site(base);
        PhoneCodes phone = new PhoneCodes();
        try (Browser mira = new Browser(Path.of("target", "screenshots"))) {
            site.signIn(mira, "mira@example.test", "mira-directory-password");
            assertEquals("/account/security", site.path(mira), "finance (through accountants) must set up 2FA at once");
            assertTrue(mira.has(By.id("setUpRequired")));
            mira.screenshot("directory-person-forced");
            byte[] secret = site.setUpAuthenticator(mira, "mira-directory-password", phone);
            site.signOut(mira);

            site.signIn(mira, "mira@example.test", "mira-directory-password");
            assertEquals("/login/verify", site.path(mira), "the directory password, then our second factor");
            mira.type(By.id("verify:code"), phone.next(secret));
            mira.submit(By.id("verify:submit"));
            assertEquals("/", site.path(mira));
            mira.inspect("directory-person-home");
            assertEquals(List.of(), mira.problems(), "accessibility and phone-width problems");
        }
    }

    @Test
    @Order(7)
    void anotherEntryWithTheSameEmailDoesNotGetTheAccountAndTheSyncRetiresTheOldOne() throws Exception {
        assertEquals(302, browser().signIn("mira@example.test", "mira-directory-password").statusCode());
        directory.server().delete("uid=mira,ou=people," + TestDirectoryServer.BASE);
        directory.server().add("dn: uid=mira2,ou=people," + TestDirectoryServer.BASE, "objectClass: inetOrgPerson",
                "uid: mira2", "cn: New Mira", "sn: Mira", "mail: mira@example.test", "userPassword: new-hire-password");
        assertEquals(401, browser().signIn("mira@example.test", "new-hire-password").statusCode(),
                "a reused address does not open the previous person's account");
        HttpResponse<String> sync = api("POST", "/api/v1/directory/sync");
        assertEquals(200, sync.statusCode(), sync.body());
        assertFalse(person("mira@example.test").getBoolean("active"), "the account's own entry is gone");
    }
}
