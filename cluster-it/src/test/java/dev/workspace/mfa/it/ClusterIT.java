package dev.workspace.mfa.it;

import dev.workspace.mfa.core.totp.Base32;
import dev.workspace.mfa.core.totp.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two nodes started by ./run.sh with MFA_CLUSTER=on on one PostgreSQL schema, behind nginx with the shipped
 * configuration over HTTPS: people sign in and manage their 2FA through either node and are counted once, and a node
 * killed with SIGKILL loses nobody's session. The tests run in order on the same cluster; the browser story comes
 * first, node A is killed near the end and comes back last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String SCHEMA = "mfa_cluster_it";
    private static final String API_TOKEN = "cluster-it-provisioning-token-0123456789abcdef";
    private static final String PASSWORD = "cluster integration passphrase";
    private static final Pattern RECOVERY_CODE = Pattern.compile("\\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\\b");
    private static final Pattern SECURE_FLAG = Pattern.compile("(?i);\\s*secure\\s*(;|$)");
    private static final Pattern SECRET = Pattern.compile("<span id=\"secret\"[^>]*>([^<]+)</span>");

    private final Path root = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
    private final Path work = Path.of("target", "cluster").toAbsolutePath();
    private final List<ClusterNode> nodes = new ArrayList<>();
    /** Each person's authenticator: a code may be used once per person and time step, not once for everyone. */
    private final Map<String, PhoneCodes> phones = new HashMap<>();
    private Nginx nginx;
    private SSLContext tls;
    private Browser browser;
    /** Ann's authenticator, set up in the browser story. */
    private byte[] annSecret;

    static boolean postgresAvailable() {
        try (Connection ignored = DriverManager.getConnection(DATABASE + "?connectTimeout=3", "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @BeforeAll
    void startClusterBehindNginx() throws Exception {
        require(postgresAvailable(), "PostgreSQL is not reachable on 127.0.0.1:5432 (database test)");
        require(Nginx.available(), "nginx is not installed (" + Nginx.EXECUTABLE + ")");
        require(TestTls.opensslAvailable(), "openssl is not installed");
        require(Browser.available(), "Chromium or ChromeDriver is missing");
        try (Connection db = database(); Statement statement = db.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        }
        deleteRecursively(work);
        TestTls certificate = TestTls.create(work.resolve("tls"));
        tls = certificate.trustingIt();
        nginx = new Nginx(work.resolve("nginx"), 18443);

        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> cluster = new HashMap<>();
        cluster.put("MFA_CLUSTER", "on");
        cluster.put("MFA_CLUSTER_NAME", "mfa-cluster-it");
        cluster.put("MFA_CLUSTER_MEMBERS", "127.0.0.1:16901,127.0.0.1:16902");
        cluster.put("MFA_SECRET_KEY", Base64.getEncoder().encodeToString(key));
        cluster.put("MFA_DB_URL", DATABASE + "?currentSchema=" + SCHEMA);
        cluster.put("MFA_DB_USER", "postgres");
        cluster.put("MFA_DB_PASSWORD", "unused");
        cluster.put("MFA_ADMIN_EMAIL", "admin@cluster.test");
        cluster.put("MFA_ADMIN_PASSWORD", PASSWORD);
        cluster.put("MFA_BOOTSTRAP_API_TOKEN", API_TOKEN);
        cluster.put("MFA_TRUSTED_PROXIES", "127.0.0.1");
        cluster.put("MFA_PUBLIC_URL", "https://127.0.0.1:" + nginx.port);
        nodes.add(new ClusterNode("node A", 18181, 16901, root.resolve("run.sh"), work.resolve("nodeA"), cluster));
        nodes.add(new ClusterNode("node B", 18182, 16902, root.resolve("run.sh"), work.resolve("nodeB"), cluster));
        for (ClusterNode node : nodes) {
            node.start();
        }
        for (ClusterNode node : nodes) {
            node.awaitReady(Duration.ofMinutes(4));
        }
        nginx.start(root.resolve("deploy/nginx/workspace.conf"), nodes, certificate);
        importPeople("email,name,password,totp_secret",
                "ann@cluster.test,Ann,\"" + PASSWORD + "\",",
                "bob@cluster.test,Bob,\"" + PASSWORD + "\"," + Base32.encode(secretOf("bob")),
                "cyd@cluster.test,Cyd,\"" + PASSWORD + "\"," + Base32.encode(secretOf("cyd")),
                "dee@cluster.test,Dee,\"" + PASSWORD + "\",",
                "eve@cluster.test,Eve,\"" + PASSWORD + "\",",
                "fay@cluster.test,Fay,\"" + PASSWORD + "\",",
                "gus@cluster.test,Gus,\"" + PASSWORD + "\"," + Base32.encode(secretOf("gus")));
        browser = new Browser(Path.of("target", "screenshots"), "--ignore-certificate-errors");
    }

    /** Skips the whole class, saying why on the build's output (an aborted class is otherwise silent there). */
    private static void require(boolean available, String missing) {
        if (!available) {
            System.out.println("ClusterIT skipped: " + missing);
        }
        assumeTrue(available, missing);
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (nginx != null) {
            nginx.close();
        }
        for (ClusterNode node : nodes) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void twoNodesStartedTogetherOnAnEmptyDatabaseMigratedItOnceAndCreatedOneAdministrator() throws Exception {
        for (ClusterNode node : nodes) {
            assertTrue(node.serverLog().contains("DG Name: mfa-cluster-it DG Size: 2"), node.name + " saw both members");
        }
        long migrations;
        try (Stream<Path> scripts = Files.list(root.resolve("persistence/src/main/resources/dev/workspace/mfa/persistence/migration"))) {
            migrations = scripts.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        assertEquals(migrations, count("SELECT COUNT(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL"),
                "each migration applied once");
        assertEquals(1, count("SELECT COUNT(*) FROM user_account a JOIN user_role r ON r.user_id = a.id WHERE r.role = 'ADMIN'"),
                "one bootstrap administrator");
        long applied = nodes.stream().filter(n -> logOf(n).contains(migrations + " migration(s) applied now")).count();
        assertEquals(1, applied, "one node migrated, the other found the schema up to date");
    }

    @Test
    @Order(2)
    void aPersonSetsUpTheAuthenticatorAndSignsInThroughNginxAndSignOutEndsTheSessionOnBothNodes() throws Exception {
        Site site = new Site(new URL(browserUrl(publicUrl()) + "/"));
        site.signIn(browser, "ann@cluster.test", PASSWORD);
        assertEquals("/", site.path(browser), browser.messages());
        browser.open(site.page("/account/security"));
        annSecret = site.setUpAuthenticator(browser, PASSWORD, phoneOf("ann"));
        site.signOut(browser);

        site.signIn(browser, "ann@cluster.test", PASSWORD);
        assertEquals("/login/verify", site.path(browser));
        browser.type(By.cssSelector("input[autocomplete=one-time-code]"), codeOf("ann", annSecret));
        browser.submit(By.id("verify:submit"));
        assertEquals("/", site.path(browser), browser.messages());
        browser.screenshot("cluster-signed-in");
        for (int node = 0; node < nodes.size(); node++) {
            browser.open(browserUrl(nodeUrl(node)) + "/account/security");
            assertTrue(browser.url().endsWith("/account/security"), "signed in on node " + node + ": " + browser.url());
        }
        List<String> served = nginx.accessLog();
        assertTrue(served.stream().anyMatch(l -> l.endsWith(":" + nodes.get(0).httpPort))
                && served.stream().anyMatch(l -> l.endsWith(":" + nodes.get(1).httpPort)), "both nodes served the story");

        browser.open(site.page("/"));
        site.signOut(browser);
        for (int node = 0; node < nodes.size(); node++) {
            browser.open(browserUrl(nodeUrl(node)) + "/account/security");
            assertTrue(browser.url().contains("/login"), "signed out on node " + node + " too: " + browser.url());
        }
    }

    @Test
    @Order(3)
    void thePasswordOnOneNodeAndTheCodeOnTheOtherSignIn_andAStepUpOnOneHoldsOnTheOther() throws Exception {
        WebClient onA = clientAt(nodeUrl(0));
        WebClient onB = onA.at(URI.create(nodeUrl(1) + "/"));
        HttpResponse<String> password = onA.signIn("bob@cluster.test", PASSWORD);
        assertEquals("/login/verify", path(password));
        List<String> cookies = password.headers().allValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("__Host-JSESSIONID=")), "behind HTTPS: " + cookies);
        assertTrue(cookies.stream().allMatch(c -> SECURE_FLAG.matcher(c).find()), "all Secure: " + cookies);
        String verifyPage = onB.get("/login/verify").body();
        HttpResponse<String> verified = onB.postForm("/login/verify", verifyPage, "verify",
                Map.of("verify:code", codeOf("bob", secretOf("bob")), "verify:submit", ""));
        assertEquals(302, verified.statusCode(), verified.body());
        assertEquals(200, onA.get("/account/security").statusCode(), "signed in on A");
        assertEquals(200, onB.get("/account/security").statusCode(), "signed in on B");

        HttpResponse<String> security = onA.get("/account/security");
        assertTrue(security.headers().firstValue("Strict-Transport-Security").isPresent(), "HSTS behind HTTPS");

        WebClient fayOnA = clientAt(nodeUrl(0));
        WebClient fayOnB = fayOnA.at(URI.create(nodeUrl(1) + "/"));
        assertEquals("/", path(fayOnA.signIn("fay@cluster.test", PASSWORD)));
        String enroll = fayOnA.get("/account/enroll").body();
        assertTrue(enroll.contains("id=\"enroll:password\""), "the password first");
        enroll = fayOnA.postForm("/account/enroll", enroll, "enroll", Map.of("enroll:password", PASSWORD, "enroll:continue", "")).body();
        assertTrue(SECRET.matcher(enroll).find(), enroll);
        String onOtherNode = fayOnB.get("/account/enroll").body();
        assertFalse(onOtherNode.contains("id=\"enroll:password\""), "the step-up proven on A holds on B");
        assertTrue(SECRET.matcher(onOtherNode).find(), onOtherNode);

        assertEquals(204, api("POST", "/api/v1/users/" + idOf("bob@cluster.test") + "/reset-two-factor", null).statusCode());
        assertEquals(200, api("PATCH", "/api/v1/users/" + idOf("fay@cluster.test"), "{\"active\":false}").statusCode());
        for (WebClient node : List.of(onA, onB)) {
            assertEquals("/login", path(node.get("/account/security")), "an admin's reset signs Bob out on every node");
        }
        for (WebClient node : List.of(fayOnA, fayOnB)) {
            assertEquals("/login", path(node.get("/account/enroll")), "a deactivation signs Fay out on every node");
        }
    }

    @Test
    @Order(4)
    void tenWrongCodesSpreadOverBothNodesLockThePersonOnce() throws Exception {
        WebClient onA = clientAt(nodeUrl(0));
        WebClient onB = onA.at(URI.create(nodeUrl(1) + "/"));
        assertEquals("/login/verify", path(onA.signIn("cyd@cluster.test", PASSWORD)));
        HttpResponse<String> last = null;
        for (int i = 1; i <= 10; i++) {
            WebClient node = i % 2 == 0 ? onA : onB;
            String page = node.get("/login/verify").body();
            last = node.postForm("/login/verify", page, "verify", Map.of("verify:code", "00000" + (i % 10), "verify:submit", ""));
            if (i < 10) {
                assertEquals(401, last.statusCode(), "wrong code " + i);
            }
        }
        assertEquals(429, last.statusCode(), "the tenth wrong code locks");
        for (WebClient node : List.of(onA, onB)) {
            String page = node.get("/login/verify").body();
            HttpResponse<String> right = node.postForm("/login/verify", page, "verify",
                    Map.of("verify:code", codeOf("cyd", secretOf("cyd")), "verify:submit", ""));
            assertEquals(429, right.statusCode(), "locked on both nodes, for the right code too");
        }
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE event_type = 'SECOND_FACTOR_LOCKOUT' AND subject_email = 'cyd@cluster.test'"),
                "one lock");
    }

    @Test
    @Order(5)
    void oneRecoveryCodeSentToBothNodesAtTheSameInstantIsAcceptedOnce() throws Exception {
        String code = enrollAuthenticator(clientAt(publicUrl()), "dee").get(0);
        assertEquals(List.of(302, 401), postedToBothNodesAtOnce("dee", "/login/recovery", "recovery",
                Map.of("recovery:code", code, "recovery:submit", "")), "one node accepted the code, the other refused it");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_event WHERE event_type = 'RECOVERY_CODE_USED' AND subject_email = 'dee@cluster.test'"));
    }

    @Test
    @Order(6)
    void oneAuthenticatorCodeSentToBothNodesAtTheSameInstantIsAcceptedOnce() throws Exception {
        String code = codeOf("gus", secretOf("gus"));
        assertEquals(List.of(302, 401), postedToBothNodesAtOnce("gus", "/login/verify", "verify",
                Map.of("verify:code", code, "verify:submit", "")), "one node accepted the code, the other refused it");
    }

    /**
     * Two browsers of {@code person} past the password, one on each node, post the same form at the same instant.
     *
     * @return the two answers' statuses, lowest first
     */
    private List<Integer> postedToBothNodesAtOnce(String person, String path, String form, Map<String, String> fields)
            throws Exception {
        List<WebClient> clients = List.of(clientAt(nodeUrl(0)),
                clientAt(nodeUrl(1)));
        List<String> pages = new ArrayList<>();
        for (WebClient client : clients) {
            assertEquals("/login/verify", path(client.signIn(person + "@cluster.test", PASSWORD)));
            pages.add(client.get(path).body());
        }
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            WebClient client = clients.get(i);
            String page = pages.get(i);
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                    return client.postForm(path, page, form, fields).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        return answers.stream().map(CompletableFuture::join).sorted().toList();
    }

    @Test
    @Order(7)
    void nodeAKilledMidSessionAndMidEnrollment_thePeopleGoOnThroughNodeB() throws Exception {
        Site site = new Site(new URL(browserUrl(publicUrl()) + "/"));
        site.signIn(browser, "ann@cluster.test", PASSWORD);
        browser.type(By.cssSelector("input[autocomplete=one-time-code]"), codeOf("ann", annSecret));
        browser.submit(By.id("verify:submit"));
        assertFalse(site.path(browser).startsWith("/login"), "signed in: " + site.path(browser) + " " + browser.messages());

        WebClient eve = clientAt(publicUrl());
        eve.signIn("eve@cluster.test", PASSWORD);
        String page = eve.get("/account/enroll").body();
        page = eve.postForm("/account/enroll", page, "enroll", Map.of("enroll:password", PASSWORD, "enroll:continue", "")).body();
        Matcher shown = SECRET.matcher(page);
        assertTrue(shown.find(), page);
        byte[] eveSecret = Base32.decode(shown.group(1).replace(" ", ""));

        nodes.get(0).killHard();

        browser.open(site.page("/account/security"));
        assertEquals("/account/security", site.path(browser), "Ann is still signed in, now served by B");
        browser.screenshot("cluster-after-kill");

        assertFalse(person("eve@cluster.test").contains("\"enabled\":true"), "no half state: 2FA not on yet");
        HttpResponse<String> verified = eve.postForm("/account/enroll", page, "enroll",
                Map.of("enroll:code", codeOf("eve", eveSecret), "enroll:verify", ""));
        assertTrue(RECOVERY_CODE.matcher(verified.body()).find(),
                "Eve's enrollment (its view and secret in her session) went on through node B: " + verified.body());
        HttpResponse<String> finished = eve.postForm("/account/enroll", verified.body(), "enroll",
                Map.of("enroll:saved", "true", "enroll:finish", "Finish"));
        assertEquals("/account/security", path(finished), finished.body());
        String status = person("eve@cluster.test");
        assertTrue(status.contains("\"enabled\":true") && status.contains("\"recoveryCodesLeft\":10"), status);
    }

    @Test
    @Order(8)
    void nodeAComesBackRejoinsAndServesTheSessionsStartedMeanwhile() throws Exception {
        ClusterNode nodeA = nodes.get(0);
        nodeA.start();
        nodeA.awaitReady(Duration.ofMinutes(4));
        assertTrue(nodeA.serverLog().contains("DG Name: mfa-cluster-it DG Size: 2"), "node A rejoined");
        browser.open(browserUrl(nodeUrl(0)) + "/account/security");
        assertTrue(browser.url().endsWith("/account/security"), "Ann's session, signed in before the kill, on A again: "
                + browser.url());
        for (ClusterNode node : nodes) {
            assertFalse(node.serverLog().contains("BackingStoreException"), node.name + " stored every session in the grid");
        }
    }

    // Helpers

    private String publicUrl() {
        return "https://127.0.0.1:" + nginx.port;
    }

    private String nodeUrl(int node) {
        return "https://127.0.0.1:" + nginx.nodePort(node);
    }

    /** A new browser (cookies of its own) at the given address, over HTTPS. */
    private WebClient clientAt(String url) {
        return new WebClient(URI.create(url + "/"), tls);
    }

    /** The browser goes by name: its test profile resolves no host but localhost. */
    private static String browserUrl(String url) {
        return url.replace("https://127.0.0.1:", "https://localhost:");
    }

    /** Signs {@code person} in through the client and sets up their authenticator; returns the recovery codes. */
    private List<String> enrollAuthenticator(WebClient client, String person) throws Exception {
        client.signIn(person + "@cluster.test", PASSWORD);
        String page = client.get("/account/enroll").body();
        page = client.postForm("/account/enroll", page, "enroll", Map.of("enroll:password", PASSWORD, "enroll:continue", "")).body();
        Matcher shown = SECRET.matcher(page);
        assertTrue(shown.find(), page);
        byte[] secret = Base32.decode(shown.group(1).replace(" ", ""));
        page = client.postForm("/account/enroll", page, "enroll", Map.of("enroll:code", codeOf(person, secret), "enroll:verify", "")).body();
        List<String> codes = RECOVERY_CODE.matcher(page).results().map(java.util.regex.MatchResult::group).distinct().toList();
        assertEquals(10, codes.size(), page);
        HttpResponse<String> finished = client.postForm("/account/enroll", page, "enroll",
                Map.of("enroll:saved", "true", "enroll:finish", "Finish"));
        assertEquals("/account/security", path(finished), finished.body());
        return codes;
    }

    private PhoneCodes phoneOf(String person) {
        return phones.computeIfAbsent(person, p -> new PhoneCodes());
    }

    private String codeOf(String person, byte[] secret) throws InterruptedException {
        return phoneOf(person).next(secret);
    }

    private void importPeople(String... csvLines) throws Exception {
        HttpResponse<String> imported = HttpClient.newBuilder().sslContext(tls).build().send(
                HttpRequest.newBuilder(URI.create(publicUrl() + "/api/v1/users/import"))
                        .header("Authorization", "Bearer " + API_TOKEN).header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", csvLines) + "\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, imported.statusCode(), imported.body());
        assertTrue(imported.body().contains("\"errors\":[]"), imported.body());
    }

    /** The person as the admin API lists them (JSON). */
    private String person(String email) throws Exception {
        HttpResponse<String> found = api("GET", "/api/v1/users?q=" + email, null);
        assertEquals(200, found.statusCode(), found.body());
        return found.body();
    }

    private String idOf(String email) throws Exception {
        Matcher id = Pattern.compile("\"id\":\"(\\d+)\"").matcher(person(email));
        assertTrue(id.find(), email);
        return id.group(1);
    }

    /** An admin API call with the provisioning token; {@code json} is the body, or null for none. */
    private HttpResponse<String> api(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(publicUrl() + path))
                .header("Authorization", "Bearer " + API_TOKEN);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newBuilder().sslContext(tls).build().send(request.method(method, json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The imported people's authenticator secrets, derived from their names. */
    private static byte[] secretOf(String name) {
        byte[] secret = new byte[Totp.SECRET_BYTES];
        byte[] seed = ("cluster-" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < secret.length; i++) {
            secret[i] = seed[i % seed.length];
        }
        return secret;
    }

    private static String path(HttpResponse<String> response) {
        return URI.create(response.headers().firstValue("Location").orElse("")).getPath();
    }

    private long count(String sql) throws SQLException {
        try (Connection db = database(); Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection database() throws SQLException {
        Connection connection = DriverManager.getConnection(DATABASE, "postgres", "");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + SCHEMA + ", public");
        }
        return connection;
    }

    private static String logOf(ClusterNode node) {
        try {
            return node.serverLog();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
