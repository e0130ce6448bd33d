package dev.workspace.mfa.it;

import dev.workspace.mfa.core.totp.Base32;
import dev.workspace.mfa.core.totp.Totp;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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

import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin REST API of the packaged WAR over HTTP: tokens, every endpoint, refusals in the JSON error shape, roles
 * enforced by the services behind it, and what the person on the other end sees (their session ends on a reset).
 * Tests share one deployment and run in order: people created early are used later.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminApiIT {

    static final String OWNER = "owner@api.test";
    static final String OWNER_PASSWORD = "api owner password 2026";
    static final String BOOTSTRAP_TOKEN = "bootstrap-token-for-the-api-test-0123456789";
    static final String ADMIN = "it.admin@api.test";
    static final String ADMIN_PASSWORD = "it admin password 2026";
    static final String TOTP_PERSON = "totp.person@api.test";
    static final String TOTP_PASSWORD = "imported totp password 1";
    static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    /** "U*U" in bcrypt, from the crypt_blowfish test vectors. */
    static final String BCRYPT_PERSON = "bcrypt.person@api.test";
    static final String BCRYPT_HASH = "$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";

    /** The personal token of {@link #ADMIN}, created on the console in {@link #anAdminCreatesAPersonalTokenOnTheConsole}. */
    static String adminToken;

    @ArquillianResource
    URL base;

    WebClient client;

    @Deployment(testable = false)
    static WebArchive packagedWar() {
        return PackagedWar.withAdministrator("api", OWNER, OWNER_PASSWORD, "mfa.bootstrap.api.token=" + BOOTSTRAP_TOKEN,
                PackagedWar.ADMINS_WITHOUT_TWO_FACTOR);
    }

    @BeforeEach
    void newClient() throws Exception {
        client = new WebClient(base.toURI());
    }

    private HttpResponse<String> call(String token, String method, String path, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = client.request(path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(request);
    }

    private HttpResponse<String> owner(String method, String path, String body) throws Exception {
        return call(BOOTSTRAP_TOKEN, method, path, body == null ? null : "application/json", body);
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** Asserts the status and the JSON error code, and that a message in words comes with it. */
    private static void assertError(int status, String code, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), response.body());
        JsonObject error = json(response);
        assertEquals(code, error.getString("error"), response.body());
        assertFalse(error.getString("message").isBlank());
    }

    private String idOf(String email) throws Exception {
        JsonArray items = json(owner("GET", "/api/v1/users?q=" + email, null)).getJsonArray("items");
        assertEquals(1, items.size(), email);
        return items.getJsonObject(0).getString("id");
    }

    @Test
    @Order(0)
    void withoutAValidTokenEveryEndpointIs401AndCookiesDoNotCount() throws Exception {
        for (String path : List.of("/api/v1/users", "/api/v1/groups", "/api/v1/audit", "/api/v1/users/1", "/api/v1/nothing")) {
            HttpResponse<String> none = call(null, "GET", path, null, null);
            assertError(401, "unauthorized", none);
            assertEquals("Bearer realm=\"admin API\"", none.headers().firstValue("WWW-Authenticate").orElse(""));
            assertError(401, "unauthorized", call("wsk_not-a-real-token", "GET", path, null, null));
        }
        assertError(401, "unauthorized", call(BOOTSTRAP_TOKEN + "x", "GET", "/api/v1/users", null, null));
        assertError(401, "unauthorized", client.send(client.request("/api/v1/users").header("Authorization", "Basic b3duZXI6cHc=")));

        assertEquals(302, client.signIn(OWNER, OWNER_PASSWORD).statusCode(), "the owner signs in");
        assertError(401, "unauthorized", client.get("/api/v1/users"));
        assertError(401, "unauthorized", client.postRaw("/api/v1/users", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"email\":\"csrf@api.test\",\"name\":\"C\"}")));
    }

    @Test
    @Order(1)
    void theBootstrapTokenCreatesPeopleWithATemporaryPasswordOrTheirOwn() throws Exception {
        HttpResponse<String> created = owner("POST", "/api/v1/users",
                "{\"email\": \"Ada@API.test\", \"name\": \"Ada Lovelace\", \"roles\": [\"user\"], \"groups\": [\"Engineering\"]}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject ada = json(created);
        assertEquals("ada@api.test", ada.getString("email"), "emails are kept in lower case");
        assertEquals(JsonValue.ValueType.STRING, ada.get("id").getValueType(), "ids are strings");
        assertEquals(List.of("Engineering"), ada.getJsonArray("groups").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertTrue(ada.getBoolean("active"));
        assertFalse(ada.getJsonObject("twoFactor").getBoolean("enabled"));
        assertTrue(ada.isNull("lastSignIn"));
        String temporary = ada.getString("temporaryPassword");
        assertTrue(temporary.length() >= 12, temporary);
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/v1/users/" + ada.getString("id")));

        HttpResponse<String> fetched = owner("GET", "/api/v1/users/" + ada.getString("id"), null);
        assertEquals(200, fetched.statusCode());
        assertFalse(json(fetched).containsKey("temporaryPassword"), "the temporary password is shown once");

        WebClient person = new WebClient(base.toURI());
        HttpResponse<String> signIn = person.signIn("ada@api.test", temporary);
        assertEquals("/login/new-password", signIn.headers().firstValue("Location").orElse(""), "must be changed first");

        HttpResponse<String> admin = owner("POST", "/api/v1/users", "{\"email\": \"" + ADMIN + "\", \"name\": \"IT Admin\", "
                + "\"roles\": [\"admin\"], \"password\": \"" + ADMIN_PASSWORD + "\"}");
        assertEquals(201, admin.statusCode(), admin.body());
        assertFalse(json(admin).containsKey("temporaryPassword"));
        assertEquals(List.of("admin", "user"), json(admin).getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).sorted().toList(), "everyone is a user");
    }

    @Test
    @Order(2)
    void badBodiesAreRefusedWithA4xxAndNothingIsCreated() throws Exception {
        assertError(409, "email_taken", owner("POST", "/api/v1/users", "{\"email\": \"ada@api.test\", \"name\": \"Again\"}"));
        assertError(400, "unknown_field", owner("POST", "/api/v1/users", "{\"email\": \"x1@api.test\", \"name\": \"X\", \"salary\": 1}"));
        assertError(400, "bad_json", owner("POST", "/api/v1/users", "{\"email\": "));
        assertError(400, "bad_body", owner("POST", "/api/v1/users", "[1, 2]"));
        assertError(400, "bad_body", owner("POST", "/api/v1/users", ""));
        assertError(400, "bad_field", owner("POST", "/api/v1/users", "{\"email\": 42, \"name\": \"X\"}"));
        assertError(400, "bad_field", owner("POST", "/api/v1/users", "{\"email\": \"x2@api.test\", \"name\": \"X\", \"roles\": \"admin\"}"));
        assertError(400, "invalid_role", owner("POST", "/api/v1/users", "{\"email\": \"x3@api.test\", \"name\": \"X\", \"roles\": [\"god\"]}"));
        assertEquals(400, owner("POST", "/api/v1/users", "{\"email\": \"not an email\", \"name\": \"X\"}").statusCode());
        assertEquals(400, owner("POST", "/api/v1/users", "{\"email\": \"x4@api.test\", \"name\": \"X\", \"password\": \"short\"}").statusCode());
        assertError(400, "bad_body", owner("POST", "/api/v1/users", "{\"email\": \"x5@api.test\", \"name\": \"X\", "
                + "\"password\": \"long enough password\", \"invite\": true}"));
        assertError(415, "unsupported_media_type", call(BOOTSTRAP_TOKEN, "POST", "/api/v1/users", "text/plain", "email=x"));
        assertError(413, "too_large", owner("POST", "/api/v1/users", "{\"name\": \"" + "x".repeat(2_000_000) + "\"}"));
        assertError(405, "method_not_allowed", owner("DELETE", "/api/v1/users", null));

        assertEquals(0, json(owner("GET", "/api/v1/users?q=@api.test&size=100", null)).getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(u -> u.getString("email").matches("x\\d@api.test")).count());
    }

    @Test
    @Order(3)
    void peopleAreListedFilteredAndPaged() throws Exception {
        JsonObject admins = json(owner("GET", "/api/v1/users?role=admin&sort=-email", null));
        assertEquals(2, admins.getInt("total"), admins.toString());
        assertEquals(OWNER, admins.getJsonArray("items").getJsonObject(0).getString("email"), "descending by email");
        assertEquals(ADMIN, admins.getJsonArray("items").getJsonObject(1).getString("email"));
        JsonObject engineering = json(owner("GET", "/api/v1/users?group=Engineering", null));
        assertEquals(1, engineering.getInt("total"));
        JsonObject page = json(owner("GET", "/api/v1/users?size=1&page=1&sort=email", null));
        assertEquals(3, page.getInt("total"));
        assertEquals(1, page.getJsonArray("items").size());
        assertEquals(0, json(owner("GET", "/api/v1/users?twoFactor=on", null)).getInt("total"));
        assertError(400, "bad_parameter", owner("GET", "/api/v1/users?size=0", null));
        assertError(400, "bad_parameter", owner("GET", "/api/v1/users?page=-1", null));
        assertError(400, "bad_parameter", owner("GET", "/api/v1/users?twoFactor=maybe", null));
        assertError(400, "bad_parameter", owner("GET", "/api/v1/users?locked=yes", null));
        assertError(400, "bad_parameter", owner("GET", "/api/v1/users?policy=late", null));
        assertEquals(400, owner("GET", "/api/v1/users?sort=password", null).statusCode());
        assertError(404, "not_found", owner("GET", "/api/v1/users/999999", null));
        assertError(404, "not_found", owner("GET", "/api/v1/users/abc", null));
    }

    @Test
    @Order(4)
    void theLastOwnerCannotBeDemotedOrDeactivated() throws Exception {
        String owner = idOf(OWNER);
        assertError(409, "last_owner", owner("PATCH", "/api/v1/users/" + owner, "{\"roles\": [\"admin\"]}"));
        assertError(409, "last_owner", owner("PATCH", "/api/v1/users/" + owner, "{\"active\": false}"));
        assertTrue(json(owner("GET", "/api/v1/users/" + owner, null)).getJsonArray("roles").toString().contains("owner"));
        HttpResponse<String> renamed = owner("PATCH", "/api/v1/users/" + owner, "{\"name\": \"The Owner\"}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        assertEquals("The Owner", json(renamed).getString("name"));
        assertError(400, "unknown_field", owner("PATCH", "/api/v1/users/" + owner, "{\"email\": \"new@api.test\"}"));
    }

    @Test
    @Order(5)
    void importTakesGoodLinesAndReportsEachBadOne() throws Exception {
        String csv = "email,name,roles,groups,password,password_hash,totp_secret\n"
                + TOTP_PERSON + ",Totp Person,user,Engineering;Support," + TOTP_PASSWORD + ",," + TOTP_SECRET + "\n"
                + BCRYPT_PERSON + ",\"Bcrypt, Person\",,,," + BCRYPT_HASH + ",\n"
                + "not-an-email,Broken,,,,,\n"
                + "role@api.test,Role,emperor,,,,\n"
                + "hash@api.test,Hash,,,,{SSHA}abc,\n"
                + "secret@api.test,Secret,,,,,NOT*BASE32\n"
                + "both@api.test,Both,,,a long password 1,$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW,\n"
                + "extra@api.test,Extra,,,,,,surplus\n";
        HttpResponse<String> imported = call(BOOTSTRAP_TOKEN, "POST", "/api/v1/users/import", "text/csv", csv);
        assertEquals(200, imported.statusCode(), imported.body());
        JsonObject result = json(imported);
        assertEquals(2, result.getInt("created"), result.toString());
        assertEquals(0, result.getInt("updated"));
        assertEquals(List.of(4, 5, 6, 7, 8, 9), result.getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getInt("line")).toList(), result.toString());
        result.getJsonArray("errors").forEach(e -> assertFalse(e.asJsonObject().getString("message").isBlank()));
        for (String refused : List.of("role@api.test", "hash@api.test", "secret@api.test", "both@api.test", "extra@api.test")) {
            assertEquals(0, json(owner("GET", "/api/v1/users?q=" + refused, null)).getInt("total"), "nothing half-imported: " + refused);
        }
        JsonObject totpPerson = json(owner("GET", "/api/v1/users/" + idOf(TOTP_PERSON), null));
        assertEquals("TOTP", totpPerson.getJsonObject("twoFactor").getString("method"));
        assertEquals(1, json(owner("GET", "/api/v1/users?twoFactor=on", null)).getInt("total"));
        assertEquals(1, json(owner("GET", "/api/v1/users?method=TOTP", null)).getInt("total"));
        assertEquals(0, json(owner("GET", "/api/v1/users?method=SMS", null)).getInt("total"));
        assertEquals(4, json(owner("GET", "/api/v1/users?twoFactor=off", null)).getInt("total"));

        WebClient bcrypt = new WebClient(base.toURI());
        assertEquals(302, bcrypt.signIn(BCRYPT_PERSON, "U*U").statusCode(), "a bcrypt hash from another system signs in");

        HttpResponse<String> again = call(BOOTSTRAP_TOKEN, "POST", "/api/v1/users/import", "application/json",
                "[{\"email\": \"" + BCRYPT_PERSON + "\", \"name\": \"Bcrypt Renamed\"}, {\"email\": 5}, {\"email\": \"j@api.test\"");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(1, json(again).getInt("updated"), again.body());
        assertEquals(List.of(2, 3), json(again).getJsonArray("errors").stream().map(e -> e.asJsonObject().getInt("line")).toList());
        assertError(415, "unsupported_media_type", call(BOOTSTRAP_TOKEN, "POST", "/api/v1/users/import", "application/xml", "<x/>"));

        // Chunked, so without a length to refuse up front: over 20 MB imports nothing, not even its good first line.
        byte[] start = "email,name\nchunked@api.test,Chunked\n".getBytes(StandardCharsets.US_ASCII);
        byte[] filler = "not-an-email,Filler\n".repeat(1_200_000).getBytes(StandardCharsets.US_ASCII);
        HttpRequest.Builder chunked = client.request("/api/v1/users/import")
                .header("Authorization", "Bearer " + BOOTSTRAP_TOKEN).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        new ByteArrayInputStream(start), new ByteArrayInputStream(filler))));
        assertError(413, "too_large", client.send(chunked));
        assertEquals(0, json(owner("GET", "/api/v1/users?q=chunked@api.test", null)).getInt("total"));
    }

    @Test
    @Order(6)
    void anAdminCreatesAPersonalTokenOnTheConsole() throws Exception {
        HttpResponse<String> signedIn = client.signIn(ADMIN, ADMIN_PASSWORD);
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        String page = client.get("/admin/tokens").body();
        HttpResponse<String> created = client.postForm("/admin/tokens", page, "createToken",
                Map.of("createToken:name", "provisioning", "createToken:days", "30", "createToken:create", ""));
        Matcher secret = Pattern.compile("id=\"tokenSecret\"[^>]*>(wsk_[A-Za-z0-9_-]+)<").matcher(created.body());
        assertTrue(secret.find(), created.body());
        adminToken = secret.group(1);
        HttpResponse<String> listed = call(adminToken, "GET", "/api/v1/users", null, null);
        assertEquals(200, listed.statusCode(), listed.body());
        assertFalse(client.get("/admin/tokens").body().contains(adminToken), "shown once");
    }

    @Test
    @Order(7)
    void anAdminTokenCannotChangeOwnersNorMakeOneNorResetItself() throws Exception {
        assertNotNull(adminToken);
        String owner = idOf(OWNER);
        assertError(403, "owner_only", call(adminToken, "PATCH", "/api/v1/users/" + owner, "application/json", "{\"name\": \"Hijacked\"}"));
        assertError(403, "owner_only", call(adminToken, "GET", "/api/v1/policy", null, null));
        assertError(403, "owner_only", call(adminToken, "PUT", "/api/v1/policy", "application/json", "{}"));
        assertError(403, "owner_only", call(adminToken, "POST", "/api/v1/users/" + owner + "/reset-two-factor", null, null));
        assertError(403, "owner_only", call(adminToken, "POST", "/api/v1/users", "application/json",
                "{\"email\": \"new.owner@api.test\", \"name\": \"N\", \"roles\": [\"owner\"]}"));
        assertError(403, "own_account", call(adminToken, "POST", "/api/v1/users/" + idOf(ADMIN) + "/reset-two-factor", null, null));
        assertEquals("The Owner", json(owner("GET", "/api/v1/users/" + owner, null)).getString("name"));
    }

    @Test
    @Order(8)
    void aResetEndsThePersonsSessionAndTheyAreAskedToSetUpAgain() throws Exception {
        WebClient person = new WebClient(base.toURI());
        HttpResponse<String> password = person.signIn(TOTP_PERSON, TOTP_PASSWORD);
        assertEquals("/login/verify", URI.create(password.headers().firstValue("Location").orElse("")).getPath());
        String verifyPage = person.get("/login/verify").body();
        long step = Totp.STANDARD.step(System.currentTimeMillis() / 1000);
        HttpResponse<String> verified = person.postForm("/login/verify", verifyPage, "verify",
                Map.of("verify:code", Totp.STANDARD.code(Base32.decode(TOTP_SECRET), step), "verify:submit", ""));
        assertEquals(302, verified.statusCode(), verified.body());
        assertEquals(200, person.get("/account/security").statusCode(), "signed in with the imported secret");

        String id = idOf(TOTP_PERSON);
        HttpResponse<String> reset = call(adminToken, "POST", "/api/v1/users/" + id + "/reset-two-factor", null, null);
        assertEquals(204, reset.statusCode(), reset.body());
        assertEquals(302, person.get("/account/security").statusCode(), "the open session ended at the next request");
        JsonObject after = json(owner("GET", "/api/v1/users/" + id, null));
        assertFalse(after.getJsonObject("twoFactor").getBoolean("enabled"));
        assertEquals(0, after.getJsonObject("twoFactor").getInt("recoveryCodesLeft"));

        WebClient again = new WebClient(base.toURI());
        HttpResponse<String> passwordOnly = again.signIn(TOTP_PERSON, TOTP_PASSWORD);
        assertEquals(302, passwordOnly.statusCode());
        assertFalse(passwordOnly.headers().firstValue("Location").orElse("").contains("/login/verify"), "no second step left");
        assertError(404, "not_found", call(adminToken, "POST", "/api/v1/users/999999/reset-two-factor", null, null));
    }

    @Test
    @Order(9)
    void unlockClearsALockoutAndDeactivationEndsSessions() throws Exception {
        WebClient locked = new WebClient(base.toURI());
        for (int i = 0; i < 12; i++) {
            locked.signIn(BCRYPT_PERSON, "wrong password " + i);
        }
        String id = idOf(BCRYPT_PERSON);
        assertTrue(json(owner("GET", "/api/v1/users/" + id, null)).getBoolean("locked"));
        assertEquals(204, call(adminToken, "POST", "/api/v1/users/" + id + "/unlock", null, null).statusCode());
        assertFalse(json(owner("GET", "/api/v1/users/" + id, null)).getBoolean("locked"));

        WebClient person = new WebClient(base.toURI());
        assertEquals(302, person.signIn(BCRYPT_PERSON, "U*U").statusCode());
        assertEquals(200, person.get("/").statusCode());
        HttpResponse<String> deactivated = call(adminToken, "PATCH", "/api/v1/users/" + id, "application/json", "{\"active\": false}");
        assertEquals(200, deactivated.statusCode(), deactivated.body());
        assertFalse(json(deactivated).getBoolean("active"));
        assertEquals(302, person.get("/").statusCode(), "sessions end at once");
        assertEquals(SignInFlowIT.INCORRECT, WebClient.errorMessage(new WebClient(base.toURI()).signIn(BCRYPT_PERSON, "U*U").body()));
    }

    @Test
    @Order(10)
    void groupsAreCreatedRenamedAndDeleted() throws Exception {
        HttpResponse<String> created = owner("POST", "/api/v1/groups", "{\"name\": \"Finance\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertError(409, "name_taken", owner("POST", "/api/v1/groups", "{\"name\": \"finance\"}"));
        assertError(400, "invalid_name", owner("POST", "/api/v1/groups", "{\"name\": \"  \"}"));
        assertError(400, "unknown_field", owner("POST", "/api/v1/groups", "{\"name\": \"X\", \"colour\": \"red\"}"));
        HttpResponse<String> renamed = owner("PATCH", "/api/v1/groups/Finance", "{\"name\": \"Finance and Legal\"}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        String list = owner("GET", "/api/v1/groups", null).body();
        assertTrue(list.contains("Finance and Legal") && list.contains("Engineering"), list);
        assertEquals(204, owner("DELETE", "/api/v1/groups/Finance%20and%20Legal", null).statusCode());
        assertError(404, "not_found", owner("DELETE", "/api/v1/groups/Finance%20and%20Legal", null));
    }

    @Test
    @Order(11)
    void theAuditLogNamesTheActingAdminAndExportsAsCsv() throws Exception {
        JsonObject resets = json(owner("GET", "/api/v1/audit?type=TWO_FACTOR_RESET", null));
        assertEquals(1, resets.getInt("total"), resets.toString());
        JsonObject reset = resets.getJsonArray("items").getJsonObject(0);
        assertEquals(ADMIN, reset.getString("actor"));
        assertEquals(TOTP_PERSON, reset.getString("subject"));
        JsonObject created = json(owner("GET", "/api/v1/audit?type=ACCOUNT_CREATED&actor=bootstrap-token&size=1", null));
        assertTrue(created.getInt("total") >= 2, created.toString());
        assertError(400, "invalid_event_type", owner("GET", "/api/v1/audit?type=BOGUS", null));
        assertError(400, "bad_parameter", owner("GET", "/api/v1/audit?from=yesterday", null));
        assertEquals(0, json(owner("GET", "/api/v1/audit?from=%2B1000000000-01-01T00:00:00Z", null)).getInt("total"),
                "a time beyond every database's range finds nothing, without an error");

        HttpResponse<String> csv = call(BOOTSTRAP_TOKEN, "GET", "/api/v1/audit.csv?subject=" + TOTP_PERSON, null, null);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] rows = csv.body().split("\r\n");
        assertEquals("time,type,actor,subject,clientAddress,detail", rows[0]);
        assertTrue(csv.body().contains(",TWO_FACTOR_RESET," + ADMIN + "," + TOTP_PERSON + ","), csv.body());
    }

    @Test
    @Order(12)
    void theOpenApiDocumentDescribesTheApi() throws Exception {
        HttpResponse<String> document = client.get("/openapi");
        assertEquals(200, document.statusCode());
        for (String path : List.of("/api/v1/users:", "/api/v1/users/{id}/reset-two-factor:", "/api/v1/users/import:",
                "/api/v1/groups:", "/api/v1/audit.csv:", "scheme: bearer")) {
            assertTrue(document.body().contains(path), path);
        }
        assertEquals(404, call(BOOTSTRAP_TOKEN, "GET", "/api/v1/application.wadl", null, null).statusCode());
    }

    @Test
    @Order(13)
    void anAdminsTokenEndsWithTheirSessions() throws Exception {
        assertEquals(200, call(adminToken, "GET", "/api/v1/users?size=1", null, null).statusCode());
        String admin = "/api/v1/users/" + idOf(ADMIN);
        assertEquals(200, owner("PATCH", admin, "{\"roles\": [\"user\"]}").statusCode());
        assertEquals(200, owner("PATCH", admin, "{\"roles\": [\"admin\", \"user\"]}").statusCode());
        assertError(401, "unauthorized", call(adminToken, "GET", "/api/v1/users?size=1", null, null));
    }

    @Test
    @Order(14)
    void theOwnerReadsAndChangesThePolicy() throws Exception {
        JsonObject seeded = json(owner("GET", "/api/v1/policy", null));
        assertEquals(Set.of("requireTwoFactor", "graceDays", "allowedMethods", "recoveryCodesViewable", "rememberDeviceDays",
                "adminsRequireTwoFactor", "enforceGroups", "excludeGroups"), seeded.keySet());
        assertFalse(seeded.getBoolean("requireTwoFactor"));
        assertFalse(seeded.getBoolean("adminsRequireTwoFactor"), "seeded by MFA_ADMINS_REQUIRE_TWO_FACTOR=false");
        String changed = Json.createObjectBuilder(seeded).add("requireTwoFactor", true).add("graceDays", 7)
                .add("enforceGroups", Json.createArrayBuilder().add("Engineering")).build().toString();

        assertError(400, "bad_body", owner("PUT", "/api/v1/policy", "{\"requireTwoFactor\": true}"));
        assertError(400, "unknown_field", owner("PUT", "/api/v1/policy", changed.replace("\"graceDays\"", "\"graceDayz\"")));
        assertError(400, "bad_field", owner("PUT", "/api/v1/policy", changed.replace("\"graceDays\":7", "\"graceDays\":-1")));
        assertError(400, "bad_field", owner("PUT", "/api/v1/policy", changed.replace("\"graceDays\":7", "\"graceDays\":1.5")));
        assertError(400, "invalid_policy", owner("PUT", "/api/v1/policy", changed.replace("\"TOTP\"", "\"PIGEON\"")));
        assertEquals(seeded, json(owner("GET", "/api/v1/policy", null)), "refused changes change nothing");

        HttpResponse<String> put = owner("PUT", "/api/v1/policy", changed);
        assertEquals(200, put.statusCode(), put.body());
        JsonObject stored = json(put);
        assertEquals(7, stored.getInt("graceDays"));
        assertEquals(List.of("engineering"), stored.getJsonArray("enforceGroups").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        assertEquals(stored, json(owner("GET", "/api/v1/policy", null)));
        JsonObject audited = json(owner("GET", "/api/v1/audit?type=POLICY_CHANGED", null));
        assertEquals(1, audited.getInt("total"));
        assertEquals("bootstrap-token", audited.getJsonArray("items").getJsonObject(0).getString("actor"));
    }
}
