package dev.workspace.mfa.it;

import dev.workspace.mfa.core.totp.Base32;
import dev.workspace.mfa.core.totp.Totp;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged WAR, as built for {@code ./run.sh}, signing people in over HTTP. The administrator starts with a
 * generated temporary password, replaced by {@link #PASSWORD} in the first test. The lockout test runs last because it
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
    static WebArchive packagedWar() throws Exception {
        return PackagedWar.withGeneratedAdministrator("flow", ADMIN, PackagedWar.ADMINS_WITHOUT_TWO_FACTOR);
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
    @Order(0)
    void theGeneratedTemporaryPasswordOpensNothingButTheFormThatReplacesIt() throws Exception {
        String temporary = Files.readString(PackagedWar.dataDirectory("flow").resolve("initial-admin-password")).strip();
        String before = client.get("/login").headers().firstValue("Set-Cookie").isPresent() ? client.sessionId() : null;

        HttpResponse<String> signedIn = client.signIn(ADMIN, temporary);
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        assertEquals("/login/new-password", location(signedIn), "a relative redirect to the new-password form");
        assertNotEquals(before, client.sessionId(), "session id rotated after the password");
        for (String page : new String[]{"/", "/admin", "/account/security", "/account/enroll"}) {
            assertEquals("/login/new-password", location(client.get(page)), page);
        }
        assertEquals("/login", location(client.get("/login/verify")), "no second step before the new password");

        String form = client.get("/login/new-password").body();
        assertTrue(form.matches("(?s).*<input[^>]*type=\"password\"[^>]*autocomplete=\"new-password\".*"), form);
        HttpResponse<String> tooShort = client.postForm("/login/new-password", form, "newPassword",
                Map.of("newPassword:password", "short", "newPassword:confirmation", "short", "newPassword:save", ""));
        assertEquals(400, tooShort.statusCode());
        assertTrue(tooShort.body().contains("That password is too short"), tooShort.body());
        HttpResponse<String> same = client.postForm("/login/new-password", tooShort.body(), "newPassword",
                Map.of("newPassword:password", temporary, "newPassword:confirmation", temporary, "newPassword:save", ""));
        assertTrue(same.body().contains("Choose a password other than the temporary one."), same.body());
        HttpResponse<String> mismatch = client.postForm("/login/new-password", same.body(), "newPassword",
                Map.of("newPassword:password", PASSWORD, "newPassword:confirmation", PASSWORD + "!", "newPassword:save", ""));
        assertTrue(mismatch.body().contains("The two passwords differ."), mismatch.body());
        String pending = client.sessionId();
        HttpResponse<String> saved = client.postForm("/login/new-password", mismatch.body(), "newPassword",
                Map.of("newPassword:password", PASSWORD, "newPassword:confirmation", PASSWORD, "newPassword:save", ""));
        assertEquals(302, saved.statusCode(), saved.body());
        assertEquals("/account/enroll", location(saved), "on to the page first asked for");
        assertNotEquals(pending, client.sessionId(), "session id rotated at sign-in");
        assertEquals(200, client.get("/").statusCode());

        WebClient other = new WebClient(base.toURI());
        assertEquals(INCORRECT, WebClient.errorMessage(other.signIn(ADMIN, temporary).body()), "the temporary password is over");
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
        assertTrue(page.headers().firstValue("Set-Cookie").isEmpty(), "opening the sign-in page keeps nothing in a session");
        assertTrue(html.contains("value=\"stateless\""), "no view state is saved for the sign-in page");
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
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);

        HttpResponse<String> console = client.get("/admin");
        assertEquals(200, console.statusCode());
        // One node keeps sessions in memory: a replicating session manager without a data grid (it would add a
        // JSESSIONIDVERSION cookie) fails on every request.
        assertTrue(Stream.of(signedIn, console).flatMap(r -> r.headers().allValues("Set-Cookie").stream())
                .noneMatch(c -> c.startsWith("JSESSIONIDVERSION=")), "sessions are not replicated on one node");
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
    void noRedirectEverLeavesTheSite() throws Exception {
        String[] hostile = {"//evil.example/..%2flogin?jakarta.faces.ViewState=1:2", "//evil.example/", "/\\evil.example/",
                "/%2F%2Fevil.example/", "/%5Cevil.example/", "//evil.example/..%2faccount/security"};
        for (String target : hostile) {
            for (String method : new String[]{"GET", "POST"}) {
                WebClient.RawResponse answer = client.raw(method, target, "Content-Length: 0");
                assertTrue(answer.status() < 500, method + " " + target + " gave " + answer.status());
                assertTrue(answer.location().isEmpty() || answer.location().matches("/[^/\\\\].*|/"),
                        method + " " + target + " redirected to " + answer.location());
            }
            HttpResponse<String> signedIn = client.signIn(ADMIN, PASSWORD);
            assertEquals("/", location(signedIn), "after " + target);
            client.post("/logout", Map.of());
        }
        WebClient.RawResponse spoofedHost = client.raw("GET", "/admin", "X-Forwarded-Host: attacker.example");
        assertEquals("/login", spoofedHost.location());
        HttpResponse<String> absolute = client.send(client.request("/admin").header("Referer", "http://evil.example/"));
        assertEquals("/login", location(absolute), "redirects are relative: never built from the Host header");
    }

    @Test
    @Order(2)
    void signOutEndsTheSession() throws Exception {
        client.signIn(ADMIN, PASSWORD);
        String signedInSession = client.sessionId();
        assertEquals(200, client.get("/").statusCode());
        HttpResponse<String> confirmation = client.get("/logout");
        assertEquals(200, confirmation.statusCode(), "a link only shows a Sign out button");
        assertTrue(confirmation.body().contains("<form id=\"signout\" method=\"post\""), confirmation.body());
        assertTrue(confirmation.body().contains("/jakarta.faces.resource/css/workspace.css"), "the page has its styles");
        assertFalse(confirmation.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'none'"),
                "one policy, the page's own, which lets its styles load");
        assertEquals(200, client.get("/").statusCode(), "still signed in");
        HttpResponse<String> crossSite = client.send(client.request("/logout").header("Sec-Fetch-Site", "same-site")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, crossSite.statusCode());
        HttpResponse<String> otherOrigin = client.send(client.request("/logout").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, otherOrigin.statusCode());
        assertEquals(200, client.get("/").statusCode(), "still signed in after posts from elsewhere");

        HttpResponse<String> out = client.post("/logout", Map.of());
        assertEquals(303, out.statusCode());
        assertEquals("/login", path(location(out)));
        assertTrue(client.get("/login?signedOut").body().contains("You have been signed out."));
        assertEquals(302, client.get("/").statusCode());
        client.replaceSessionId(signedInSession);
        assertEquals(302, client.get("/").statusCode(), "the old session is gone");
    }

    /**
     * Refused by Payara's HTTP listener before the application sees them, with an empty body: TRACE (405) and a
     * request line over the listener's 8 KiB header buffer (400). Nothing of ours runs, so they carry none of our
     * headers; with no body there is nothing to sniff, frame or cache.
     */
    private static final Set<String> ANSWERED_BY_THE_LISTENER = Set.of("TRACE", "long query");

    /** Requests of every odd shape, each with the status class it must get; none may get a 5xx or name a Java type. */
    private void everyOddRequestGetsItsAnswer(String who) throws Exception {
        boolean signedIn = "signed in".equals(who);
        byte[] noise = new byte[20_000];
        new Random(42).nextBytes(noise);
        String page = client.get(signedIn ? "/account/security" : "/login").body();
        String multipart = "--x\r\nContent-Disposition: form-data; name=\"login:email\"\r\n\r\n";
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        Map<String, Integer> expected = new LinkedHashMap<>();
        Expect add = (name, status, response) -> {
            answers.put(name, response);
            expected.put(name, status);
        };
        add.accept("no view state", signedIn ? 3 : 2, client.post("/login", Map.of("login", "login", "login:email", ADMIN, "login:password", "x")));
        add.accept("forged view state", 3, client.post("/login", Map.of("login", "login", "jakarta.faces.ViewState", "1:2")));
        add.accept("fields duplicated", signedIn ? 3 : 2, client.postRaw("/login", "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofString("login=login&login:email=a@b.c&login:email=d@e.f&login:password=&login:password=x")));
        add.accept("random bytes", signedIn ? 3 : 2, client.postRaw("/login", "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofByteArray(noise)));
        add.accept("bad escapes", signedIn ? 3 : 2, client.postRaw("/login", "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString("login:email=%zz%&%")));
        add.accept("bad UTF-8", signedIn ? 3 : 2, client.postRaw("/login", "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString("login=login&login:email=%C3%28%FF")));
        add.accept("random multipart", 4, client.postRaw("/login", "multipart/form-data; boundary=x", HttpRequest.BodyPublishers.ofByteArray(noise)));
        for (String path : new String[]{"/login", "/account/enroll", "/account/security", "/index.xhtml", "/logout"}) {
            // Protected pages send a signed-out client to the sign-in page before looking at the body.
            int refused = signedIn || path.equals("/login") || path.equals("/logout") ? 4 : 3;
            add.accept("cut multipart " + path, refused, client.postRaw(path, "multipart/form-data; boundary=x", HttpRequest.BodyPublishers.ofString(multipart + "<a/>")));
            add.accept("multipart JSON " + path, refused, client.postRaw(path, "multipart/form-data; boundary=x",
                    HttpRequest.BodyPublishers.ofString(multipart + "{\"a\":1}\r\n--x--\r\n")));
            add.accept("XML body " + path, refused, client.postRaw(path, "text/xml", HttpRequest.BodyPublishers.ofString("<a/>")));
            add.accept("JSON body " + path, refused, client.postRaw(path, "application/json", HttpRequest.BodyPublishers.ofString("{}")));
        }
        add.accept("huge field", 4, client.post("/login", Map.of("login", "login", "login:email", "a".repeat(3_000_000))));
        for (String method : new String[]{"OPTIONS", "PUT", "DELETE", "PATCH", "TRACE"}) {
            add.accept(method, 4, client.send(client.request("/login").method(method, HttpRequest.BodyPublishers.noBody())));
        }
        add.accept("long query", 4, client.get("/login?q=" + "a".repeat(20_000)));
        add.accept("unknown page", signedIn ? 4 : 3, client.get("/no/such/page"));
        add.accept("server's own health servlet", 4, client.get("/health/live"));
        add.accept("server's own OpenAPI WADL", signedIn ? 4 : 3, client.get("/openapi/application.wadl"));
        String form = signedIn ? "security" : "login";
        String formPath = signedIn ? "/account/security" : "/login";
        add.accept("AJAX made-up source", 2, client.ajax(formPath, page, Map.of(form, form,
                "jakarta.faces.source", "no:such", "jakarta.faces.partial.execute", "no:such", "jakarta.faces.partial.render", "no:such")));
        add.accept("AJAX stale view state", 2, client.ajax(formPath, page, Map.of("jakarta.faces.ViewState", "1:2",
                "jakarta.faces.source", form)));
        if (!signedIn) {
            add.accept("fields missing", 4, client.postForm("/login", page, "login", Map.of("login:signIn", "")));
            add.accept("AJAX action without fields", 4, client.ajax("/login", page, Map.of("login", "login", "login:signIn", "",
                    "jakarta.faces.source", "login:signIn", "jakarta.faces.partial.execute", "login", "jakarta.faces.partial.render", "login")));
        }

        List<String> wrong = new ArrayList<>();
        answers.forEach((what, response) -> {
            if (expected.get(what) != response.statusCode() / 100) {
                wrong.add(what + ": expected " + expected.get(what) + "xx, got " + response.statusCode());
            }
            if (response.body().matches("(?s).*(Exception|Throwable|java\\.(lang|io|util|net)\\.|\\bat [a-z]+\\.[A-Za-z.$]+\\().*")) {
                wrong.add(what + ": names a Java type: " + response.body());
            }
            if (!ANSWERED_BY_THE_LISTENER.contains(what)
                    && !"nosniff".equals(response.headers().firstValue("X-Content-Type-Options").orElse(null))) {
                wrong.add(what + ": without our headers");
            }
        });
        assertEquals(List.of(), wrong, who);
        assertEquals(413, answers.get("huge field").statusCode());
        byte[] chunk = ("186a0\r\n" + "a".repeat(100_000) + "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        WebClient.RawResponse chunked = client.raw("POST", "/login", chunk, "Transfer-Encoding: chunked",
                "Content-Type: application/x-www-form-urlencoded");
        assertEquals(411, chunked.status(), "a chunked body cannot slip past the size limit");
        assertEquals(415, answers.get("random multipart").statusCode());
        assertEquals("GET, HEAD, POST", answers.get("PUT").headers().firstValue("Allow").orElse(null));
        assertTrue(answers.get("AJAX stale view state").body().contains("<redirect url=\"" + formPath + "\""), "stale AJAX reloads the page");

        // Payara decodes the path before any application code runs and answers a bad escape with an empty 200 (and a
        // stack trace in its log); it never reaches a page.
        WebClient.RawResponse badPathEscape = client.raw("GET", "/no%zzpage");
        assertTrue(badPathEscape.status() < 500 && badPathEscape.body().isEmpty(), "bad escape in the path gave " + badPathEscape);
        if (!signedIn) {
            HttpResponse<String> tooLong = client.signIn(page, "a".repeat(300) + "@flow.test", "x".repeat(1000));
            assertEquals(4, tooLong.statusCode() / 100, String.valueOf(tooLong.statusCode()));
        }
    }

    @FunctionalInterface
    private interface Expect {
        void accept(String name, int statusClass, HttpResponse<String> response);
    }

    @Test
    @Order(3)
    void everyOddRequestGetsItsAnswerWhenSignedOut() throws Exception {
        everyOddRequestGetsItsAnswer("signed out");
    }

    @Test
    @Order(3)
    void everyOddRequestGetsItsAnswerWhenSignedIn() throws Exception {
        HttpResponse<String> signedIn = client.signIn(ADMIN, PASSWORD);
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        everyOddRequestGetsItsAnswer("signed in");
        assertEquals(200, client.get("/").statusCode(), "still signed in");
        String victim = client.sessionId();
        WebClient stranger = new WebClient(base.toURI());
        WebClient.RawResponse noCookie = stranger.raw("GET", "/account/security;jsessionid=" + victim);
        assertEquals("/login", noCookie.location(), "a session id in the URL opens nothing");
        assertEquals(400, stranger.raw("GET", "/login;jsessionid=" + victim).status(), "nor does it on a public page");
        stranger.get("/login");
        WebClient.RawResponse ownCookie = stranger.raw("GET", "/account/security;jsessionid=" + victim);
        assertEquals("/login", ownCookie.location(), "with a cookie of its own, the URL's session id is ignored");
    }

    @Test
    @Order(4)
    void withTwoFactorEachStepRotatesTheSessionAndThePasswordAloneOpensNothing() throws Exception {
        WebClient elsewhere = new WebClient(base.toURI());
        assertEquals(302, elsewhere.signIn(ADMIN, PASSWORD).statusCode());
        assertEquals(302, client.signIn(ADMIN, PASSWORD).statusCode());

        String page = client.get("/account/enroll").body();
        assertFalse(page.contains("id=\"secret\""), "no secret before the password");
        page = client.postForm("/account/enroll", page, "enroll", Map.of("enroll:password", PASSWORD, "enroll:continue", "")).body();
        Matcher shown = Pattern.compile("<span id=\"secret\"[^>]*>([^<]+)</span>").matcher(page);
        assertTrue(shown.find(), page);
        byte[] secret = Base32.decode(shown.group(1).replace(" ", ""));
        long step = Totp.STANDARD.step(System.currentTimeMillis() / 1000);
        page = client.postForm("/account/enroll", page, "enroll",
                Map.of("enroll:code", Totp.STANDARD.code(secret, step), "enroll:verify", "")).body();
        HttpResponse<String> finished = client.postForm("/account/enroll", page, "enroll",
                Map.of("enroll:saved", "true", "enroll:finish", "Finish"));
        assertEquals("/account/security", path(location(finished)), finished.body());
        assertEquals(200, client.get("/").statusCode(), "the session that turned 2FA on stays signed in");
        assertEquals("/login", path(location(elsewhere.get("/"))), "every other session ended");
        client.post("/logout", Map.of());

        String loginPage = client.get("/login").body();
        String anonymous = client.sessionId();
        HttpResponse<String> password = client.signIn(loginPage, ADMIN, PASSWORD);
        assertEquals("/login/verify", path(location(password)));
        String pending = client.sessionId();
        assertNotEquals(anonymous, pending, "rotated when the second step starts");
        for (String protectedPage : new String[]{"/", "/admin", "/account/security", "/account/enroll", "/login/new-password"}) {
            HttpResponse<String> answer = client.get(protectedPage);
            assertEquals(302, answer.statusCode(), protectedPage + " with the password alone");
            assertTrue(path(location(answer)).startsWith("/login"), protectedPage + " led to " + location(answer));
        }
        String verifyPage = client.get("/login/verify").body();
        HttpResponse<String> verified = client.postForm("/login/verify", verifyPage, "verify",
                Map.of("verify:code", Totp.STANDARD.code(secret, step + 1), "verify:submit", ""));
        assertEquals(302, verified.statusCode(), verified.body());
        assertNotEquals(pending, client.sessionId(), "rotated when the second step ends");
        assertEquals(200, client.get("/account/security").statusCode());
        client.post("/logout", Map.of());

        client.signIn(ADMIN, PASSWORD);
        verifyPage = client.get("/login/verify").body();
        HttpResponse<String> last = null;
        for (int i = 1; i <= 10; i++) {
            last = client.postForm("/login/verify", verifyPage, "verify", Map.of("verify:code", "00000" + (i % 10), "verify:submit", ""));
            verifyPage = last.body();
            if (i < 10) {
                assertEquals(401, last.statusCode(), "wrong code " + i);
            }
        }
        assertEquals(429, last.statusCode());
        assertTrue(WebClient.errorMessage(last.body()).startsWith("Too many wrong codes."), last.body());
        HttpResponse<String> rightButLocked = client.postForm("/login/verify", verifyPage, "verify",
                Map.of("verify:code", Totp.STANDARD.code(secret, Totp.STANDARD.step(System.currentTimeMillis() / 1000) + 1), "verify:submit", ""));
        assertEquals(429, rightButLocked.statusCode(), "the second step stays locked for the right code too");
        assertEquals("/login/verify", path(location(client.get("/"))));
    }

    @Test
    @Order(9)
    void tenWrongPasswordsLockSignInForFifteenMinutesAlikeForKnownAndUnknownEmails() throws Exception {
        for (String email : new String[]{"nobody.else@flow.test", ADMIN}) {
            String page = client.get("/login").body();
            HttpResponse<String> last = null;
            for (int i = 1; i <= 10; i++) {
                last = client.signIn(page, email, "wrong password number " + i);
                page = last.body();
                if (i < 10) {
                    assertEquals(401, last.statusCode(), email + ", failure " + i);
                    assertEquals(INCORRECT, WebClient.errorMessage(last.body()));
                }
            }
            assertEquals(429, last.statusCode(), email);
            String message = WebClient.errorMessage(last.body());
            assertTrue(message.startsWith("Too many failed attempts. Sign-in is locked for 15 more minutes, until "), message);
            HttpResponse<String> stillLocked = client.signIn(page, email, PASSWORD);
            assertEquals(429, stillLocked.statusCode(), email + ": a right password during the lock is refused too");
            assertEquals(message, WebClient.errorMessage(stillLocked.body()));
        }
        assertEquals(302, client.get("/").statusCode());
    }
}
