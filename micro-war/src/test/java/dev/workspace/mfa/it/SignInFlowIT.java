package dev.workspace.mfa.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged WAR, as built for {@code ./run.sh}, signing people in over HTTP. The lockout test runs last because it
 * locks the only account for 15 minutes.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInFlowIT {

    static final String ADMIN = "admin@flow.test";
    /** Not ASCII on purpose: forms must be read as UTF-8 everywhere. */
    static final String PASSWORD = "flöw tést admin pässwörd ✓";
    static final String INCORRECT = "Email or password is incorrect.";

    @ArquillianResource
    URL base;

    WebClient client;

    @Deployment(testable = false)
    static WebArchive packagedWar() {
        return PackagedWar.withAdministrator("flow", ADMIN, PASSWORD);
    }

    @BeforeEach
    void newBrowser() throws Exception {
        client = new WebClient(base.toURI());
    }

    private String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private String path(String location) {
        return URI.create(location).getRawPath().substring(URI.create(base.toString()).getRawPath().length() - 1);
    }

    @Test
    @Order(1)
    void protectedPagesSendSignedOutPeopleToTheSignInPage() throws Exception {
        for (String page : new String[]{"/", "/admin", "/account/security", "/index.xhtml"}) {
            HttpResponse<String> response = client.get(page);
            assertEquals(302, response.statusCode(), page);
            assertEquals("/login", path(location(response)), page);
        }
    }

    @Test
    @Order(1)
    void readinessIsReportedOnceTheDatabaseIsMigrated() throws Exception {
        HttpResponse<String> ready = client.get("/health/ready");
        assertEquals(200, ready.statusCode());
        assertEquals("{\"status\":\"UP\"}", ready.body());
    }

    @Test
    @Order(1)
    void signInPageKeepsTheHtmlContractAndSecurityHeaders() throws Exception {
        HttpResponse<String> page = client.get("/login");
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.matches("(?s).*<input[^>]*type=\"email\"[^>]*autocomplete=\"username\".*"), html);
        assertTrue(html.matches("(?s).*<input[^>]*type=\"password\"[^>]*autocomplete=\"current-password\".*"), html);
        assertTrue(html.matches("(?s).*<label[^>]*for=\"login:email\".*"), "email has a label");
        assertTrue(html.matches("(?s).*<label[^>]*for=\"login:password\".*"), "password has a label");
        assertTrue(html.contains("primefaces"), "rendered with PrimeFaces");
        assertFalse(html.contains("jsessionid"), "cookie-only session tracking");

        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("'nonce-"), csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("same-origin", page.headers().firstValue("Referrer-Policy").orElseThrow());
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        assertTrue(page.headers().firstValue("Server").isEmpty(), "no server header");
        assertTrue(page.headers().firstValue("X-Powered-By").isEmpty(), "no X-Powered-By");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
    }

    @Test
    @Order(1)
    void wrongPasswordAndUnknownEmailGetTheSameGenericMessage() throws Exception {
        HttpResponse<String> wrong = client.signIn(ADMIN, "not the password at all");
        assertEquals(401, wrong.statusCode());
        assertEquals(INCORRECT, WebClient.errorMessage(wrong.body()));
        HttpResponse<String> unknown = client.signIn("nobody@flow.test", PASSWORD);
        assertEquals(401, unknown.statusCode());
        assertEquals(INCORRECT, WebClient.errorMessage(unknown.body()));
        assertEquals(302, client.get("/").statusCode(), "still signed out");
    }

    @Test
    @Order(2)
    void signInRotatesTheSessionAndReturnsToThePageFirstAskedFor() throws Exception {
        assertEquals(302, client.get("/admin").statusCode());
        String loginPage = client.get("/login").body();
        String before = client.sessionId();

        HttpResponse<String> signedIn = client.signIn(loginPage, "  Admin@Flow.TEST ", PASSWORD);
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        assertEquals("/admin", path(location(signedIn)));
        assertNotEquals(before, client.sessionId(), "session id rotated at sign-in");

        HttpResponse<String> console = client.get("/admin");
        assertEquals(200, console.statusCode());
        assertTrue(console.body().contains(ADMIN));
        assertTrue(console.body().contains("Sign out"));

        HttpResponse<String> home = client.get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Welcome, Administrator"));
        assertTrue(home.body().contains("/account/security"));
        HttpResponse<String> security = client.get("/account/security");
        assertTrue(security.body().contains("Two-factor authentication is off"), security.body());

        String oldSession = before;
        WebClient attacker = new WebClient(base.toURI());
        attacker.get("/login");
        attacker.replaceSessionId(oldSession);
        assertEquals(302, attacker.get("/admin").statusCode(), "the pre-sign-in session id is worthless");
    }

    @Test
    @Order(2)
    void aPathThatBrowsersReadAsAnotherHostIsNeverAReturnTarget() throws Exception {
        client.get("//evil.example/");
        HttpResponse<String> signedIn = client.signIn(ADMIN, PASSWORD);
        assertEquals(302, signedIn.statusCode());
        assertEquals("/", path(location(signedIn)));
        assertTrue(location(signedIn).startsWith(base.toString()), location(signedIn));
    }

    @Test
    @Order(2)
    void signOutEndsTheSession() throws Exception {
        client.signIn(ADMIN, PASSWORD);
        String signedInSession = client.sessionId();
        assertEquals(200, client.get("/").statusCode());
        assertEquals(405, client.get("/logout").statusCode(), "a link cannot sign anyone out");

        HttpResponse<String> out = client.post("/logout", Map.of());
        assertEquals(303, out.statusCode());
        assertEquals("/login", path(location(out)));
        assertTrue(client.get("/login?signedOut").body().contains("You have been signed out."));
        assertEquals(302, client.get("/").statusCode());
        client.replaceSessionId(signedInSession);
        assertEquals(302, client.get("/").statusCode(), "the old session is gone");
    }

    @Test
    @Order(3)
    void garbageNeverYieldsAServerError() throws Exception {
        byte[] noise = new byte[20_000];
        new Random(42).nextBytes(noise);
        Map<String, HttpResponse<String>> answers = Map.of(
                "no view state", client.post("/login", Map.of("login", "login", "login:email", ADMIN, "login:password", "x")),
                "forged view state", client.post("/login", Map.of("login", "login", "jakarta.faces.ViewState", "1:2")),
                "random bytes", client.postRaw("/login", "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofByteArray(noise)),
                "random multipart", client.postRaw("/login", "multipart/form-data; boundary=x", HttpRequest.BodyPublishers.ofByteArray(noise)),
                "huge field", client.post("/login", Map.of("login", "login", "login:email", "a".repeat(3_000_000))),
                "bad escapes", client.postRaw("/login", "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString("login:email=%zz%&%")),
                "unknown page", client.get("/no/such/page"));
        answers.forEach((what, response) -> assertTrue(response.statusCode() < 500,
                what + " gave " + response.statusCode() + ": " + response.body()));
        assertEquals(413, answers.get("huge field").statusCode());
        assertTrue(answers.get("forged view state").statusCode() / 100 == 3, "forged view state goes back to a fresh page");

        String page = client.get("/login").body();
        HttpResponse<String> tooLong = client.signIn(page, "a".repeat(300) + "@flow.test", "x".repeat(1000));
        assertTrue(tooLong.statusCode() < 500 && tooLong.statusCode() >= 400, String.valueOf(tooLong.statusCode()));
        assertFalse(tooLong.body().contains("Exception"), "no stack trace");
    }

    @Test
    @Order(9)
    void tenWrongPasswordsLockSignInForFifteenMinutes() throws Exception {
        String page = client.get("/login").body();
        HttpResponse<String> last = null;
        for (int i = 1; i <= 10; i++) {
            last = client.signIn(page, ADMIN, "wrong password number " + i);
            page = last.body();
            if (i < 10) {
                assertEquals(401, last.statusCode(), "failure " + i);
            }
        }
        assertEquals(429, last.statusCode());
        String message = WebClient.errorMessage(last.body());
        assertTrue(message.startsWith("Too many failed attempts. Sign-in is locked for 15 more minutes, until "), message);
        HttpResponse<String> rightButLocked = client.signIn(page, ADMIN, PASSWORD);
        assertEquals(429, rightButLocked.statusCode());
        assertEquals(302, client.get("/").statusCode());
    }
}
