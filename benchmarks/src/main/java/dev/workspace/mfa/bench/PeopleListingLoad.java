package dev.workspace.mfa.bench;

import dev.workspace.mfa.core.password.Argon2idPasswordHasher;
import dev.workspace.mfa.core.totp.Base32;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark of the admin people listing with many people, against a running server (not JMH: what it measures is
 * the whole request, database included). Why: the listing's count and page queries, and its filters, must stay fast
 * with a large workspace; a micro-benchmark cannot show that.
 * <p>
 * What it does: (1) when the server holds fewer generated people ({@code userN@bench.example}) than asked, it imports
 * the missing ones through {@code POST /api/v1/users/import} (CSV, one Argon2id hash computed once and given to
 * everybody: their password is {@value #PERSON_PASSWORD}; about 2 % admins, 20 groups, 20 % with an authenticator),
 * then deactivates 1 % of them. The import goes in requests of {@code --chunk} lines (500), so that progress shows
 * often and each stays well under the 300 s after which Payara interrupts a request; (2) it sends a fixed mix of {@code GET /api/v1/users} queries from
 * {@code --concurrency} clients, first for a warm-up that is not counted, then for {@code --seconds}, and prints
 * latency percentiles and throughput per query and overall; (3) with {@code --admin-password}, it signs in to the
 * console with the browser form and times {@code GET /admin/people} (first page with its count) from one client.
 * It uses the JDK's HttpClient only; see benchmarks/README.md for how to run it.
 */
public final class PeopleListingLoad {

    static final String PERSON_PASSWORD = "Bench-person-pass-2026";
    private static final String DOMAIN = "@bench.example";
    private static final List<String> GROUPS = List.of("eng", "sales", "support", "marketing", "finance", "hr", "legal",
            "ops", "design", "product", "research", "security", "it", "data", "qa", "docs", "partners", "training",
            "facilities", "exec");
    private static final List<String> FIRST_NAMES = List.of("Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis",
            "Barbara", "Ken", "Frances", "John", "Radia", "Tim", "Hedy", "Edsger", "Karen", "Donald", "Sophie", "Niklaus",
            "Anita", "Bjarne", "Joan", "Guido", "Lynn", "James", "Mary", "Brian", "Jean", "Leslie", "Shafi", "Robert",
            "Evelyn", "Peter", "Susan", "Andrew", "Katherine", "Martin", "Ida");
    private static final List<String> LAST_NAMES = List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia",
            "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas",
            "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark",
            "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen",
            "Hill", "Flores", "Green");
    /** Person i is deactivated when i % 100 is this (never an admin: those are the multiples of 50). */
    private static final int INACTIVE_REMAINDER = 42;

    /** The measured mix; every client goes round it, each from its own starting point. */
    private static final List<Query> QUERIES = List.of(
            new Query("first page, by email", "sort=email"),
            new Query("deep page 1000", "page=1000&size=50"),
            new Query("q=user12345", "q=user12345"),
            new Query("q=smith", "q=smith"),
            new Query("role=admin", "role=admin"),
            new Query("group=eng", "group=eng"),
            new Query("twoFactor=on", "twoFactor=on"),
            new Query("twoFactor=off&group=sales", "twoFactor=off&group=sales"),
            new Query("method=totp", "method=totp"),
            new Query("locked=true", "locked=true"),
            new Query("active=false", "active=false"),
            new Query("sort=lastSignIn", "sort=lastSignIn"));

    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    private static final Pattern ITEM = Pattern.compile("\\{\"id\":\"(\\d+)\",\"email\":\"([^\"]+)\".*?\"active\":(true|false)");
    private static final Pattern ROW_COUNT = Pattern.compile("rowCount:(\\d+)");
    private static final Pattern ROW = Pattern.compile("class=\"ws-person-email\"");

    private final Options options;
    private final HttpClient http;

    private PeopleListingLoad(Options options) {
        this.options = options;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options == null) {
            System.err.println("""
                    usage: java -cp benchmarks/target/benchmarks.jar dev.workspace.mfa.bench.PeopleListingLoad \\
                             --url http://localhost:8093 --token <bearer> [--people 100000] [--seconds 30] \\
                             [--warmup 10] [--concurrency 4] [--chunk 500] \\
                             [--admin-email admin@workspace.local] [--admin-password <password>]""");
            System.exit(2);
        }
        new PeopleListingLoad(options).run();
    }

    private void run() throws Exception {
        provision();
        Map<String, Long> matched = new LinkedHashMap<>();
        for (Query query : QUERIES) {
            matched.put(query.name(), total(api("/api/v1/users?size=1&" + query.params())));
        }
        System.out.printf(Locale.ROOT, "%nAPI: warm-up %d s, then %d s with %d clients...%n", options.warmup(),
                options.seconds(), options.concurrency());
        printTable("GET /api/v1/users, " + options.concurrency() + " clients",
                measure(options.concurrency(), QUERIES, this::timeApi), matched);
        if (options.adminPassword() != null) {
            measureConsole(matched.get(QUERIES.get(0).name()));
        }
    }

    // Provisioning.

    private void provision() throws Exception {
        long existing = total(api("/api/v1/users?size=1&q=" + DOMAIN));
        if (existing < options.people()) {
            importPeople(Math.toIntExact(existing));
        } else {
            System.out.printf(Locale.ROOT, "%d generated people already there, nothing to import%n", existing);
        }
        long inactive = total(api("/api/v1/users?size=1&active=false"));
        long wanted = (options.people() + 100 - 1 - INACTIVE_REMAINDER) / 100;
        if (inactive < wanted) {
            deactivate();
        }
    }

    /** Imports people first..N-1: import writes line after line, so the first {@code first} are already there. */
    private void importPeople(int first) throws Exception {
        String hash = new Argon2idPasswordHasher().hash(PERSON_PASSWORD);
        Random random = new Random(first);
        long start = System.nanoTime();
        int created = 0;
        for (int from = first; from < options.people(); from += options.chunk()) {
            int to = Math.min(options.people(), from + options.chunk());
            StringBuilder csv = new StringBuilder("email,name,roles,groups,password_hash,totp_secret\n");
            for (int i = from; i < to; i++) {
                csv.append(person(i, hash, random)).append('\n');
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/users/import"))
                    .header("Authorization", "Bearer " + options.token()).header("Content-Type", "text/csv")
                    .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
            }
            Matcher counts = Pattern.compile("\"created\":(\\d+),\"updated\":(\\d+)").matcher(response.body());
            if (!counts.find()) {
                throw new IllegalStateException("unexpected import answer: " + response.body());
            }
            created += Integer.parseInt(counts.group(1));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (to / 10_000 != from / 10_000 || to == options.people()) {
                System.out.printf(Locale.ROOT, "imported %d/%d in %.0f s, %.0f people/s%n", to, options.people(), seconds,
                        (to - first) / seconds);
            }
            if (!response.body().contains("\"errors\":[]")) {
                throw new IllegalStateException("the import refused lines: " + abbreviated(response.body()));
            }
        }
        System.out.printf(Locale.ROOT, "created %d people%n", created);
    }

    private static String person(int i, String hash, Random random) {
        String roles = i % 50 == 0 ? "user;admin" : "user";
        String groups = GROUPS.get(i % GROUPS.size()) + (i % 3 == 0 ? ";" + GROUPS.get((i / GROUPS.size() + 7) % GROUPS.size()) : "");
        String name = FIRST_NAMES.get(i % FIRST_NAMES.size()) + " " + LAST_NAMES.get((i / FIRST_NAMES.size()) % LAST_NAMES.size());
        String secret = "";
        if (i % 5 == 0) {
            byte[] bytes = new byte[20];
            random.nextBytes(bytes);
            secret = Base32.encode(bytes);
        }
        // A PHC string holds commas ("m=7168,t=5,p=1"): quoted.
        return String.join(",", "user" + i + DOMAIN, name, roles, groups, '"' + hash + '"', secret);
    }

    /** Pages through everyone (by creation) and deactivates the chosen 1 % that are still active. */
    private void deactivate() throws Exception {
        int size = 200;
        int changed = 0;
        for (int page = 0; ; page++) {
            String body = api("/api/v1/users?sort=created&size=" + size + "&page=" + page);
            Matcher item = ITEM.matcher(body);
            int items = 0;
            while (item.find()) {
                items++;
                String email = item.group(2);
                if (email.endsWith(DOMAIN) && item.group(3).equals("true")
                        && Integer.parseInt(email.substring(4, email.indexOf('@'))) % 100 == INACTIVE_REMAINDER) {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/users/" + item.group(1)))
                            .header("Authorization", "Bearer " + options.token()).header("Content-Type", "application/json")
                            .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"active\":false}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("PATCH " + email + " answered " + response.statusCode() + ": "
                                + response.body());
                    }
                    changed++;
                }
            }
            if (items < size) {
                break;
            }
        }
        System.out.printf(Locale.ROOT, "deactivated %d people%n", changed);
    }

    // The API.

    private String api(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(apiRequest(pathAndQuery), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + pathAndQuery + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private HttpRequest apiRequest(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", "Bearer " + options.token())
                .header("Accept", "application/json").timeout(Duration.ofMinutes(2)).GET().build();
    }

    /** @return null when the answer is right, else what was wrong */
    private String timeApi(Query query) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(apiRequest("/api/v1/users?" + query.params()),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && TOTAL.matcher(response.body()).find() ? null
                : response.statusCode() + ": " + abbreviated(response.body());
    }

    private static long total(String json) {
        Matcher matcher = TOTAL.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no total in " + abbreviated(json));
        }
        return Long.parseLong(matcher.group(1));
    }

    // The console.

    private void measureConsole(long everybody) throws Exception {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String form = browser.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String post = HtmlForm.filled(form, Map.of("username", options.adminEmail(),
                "current-password", options.adminPassword()));
        HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", options.url())
                .POST(HttpRequest.BodyPublishers.ofString(post)).build(), HttpResponse.BodyHandlers.ofString());
        String next = signIn.headers().firstValue("Location").orElse("");
        if (signIn.statusCode() != 302 || next.contains("/login")) {
            System.out.printf(Locale.ROOT, "%nConsole skipped: the sign-in answered %d%s (a wrong password, a second step or a "
                    + "new password to choose).%n", signIn.statusCode(), next.isEmpty() ? "" : " -> " + next);
            return;
        }
        System.out.printf(Locale.ROOT, "%nConsole: signed in as %s; warm-up %d s, then %d s with 1 client...%n",
                options.adminEmail(), options.warmup(), options.seconds());
        Query page = new Query("console GET /admin/people", "");
        HttpRequest request = HttpRequest.newBuilder(uri("/admin/people")).timeout(Duration.ofMinutes(2)).GET().build();
        int rows = (int) Math.min(50, everybody);
        Run run = measure(1, List.of(page), query -> {
            HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher count = ROW_COUNT.matcher(response.body());
            long shown = ROW.matcher(response.body()).results().count();
            return response.statusCode() == 200 && count.find() && Long.parseLong(count.group(1)) == everybody
                    && shown == rows ? null : response.statusCode() + " with " + shown + " rows";
        });
        printTable("console, 1 client (each a full page: count, 50 rows, group filter list)", run,
                Map.of(page.name(), everybody));
    }


    // Measuring.

    /** Sends the queries round-robin from {@code clients} threads: a warm-up, then the measured run. */
    private Run measure(int clients, List<Query> queries, Call call) throws InterruptedException {
        drive(clients, queries, call, options.warmup());
        return drive(clients, queries, call, options.seconds());
    }

    private static Run drive(int clients, List<Query> queries, Call call, int seconds) throws InterruptedException {
        Map<String, Latencies> results = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c * queries.size() / clients;
            Thread thread = new Thread(() -> {
                Map<String, Latencies> mine = new HashMap<>();
                for (int n = offset; System.nanoTime() < end; n++) {
                    Query query = queries.get(n % queries.size());
                    Latencies latencies = mine.computeIfAbsent(query.name(), name -> new Latencies());
                    long before = System.nanoTime();
                    String problem;
                    try {
                        problem = call.send(query);
                    } catch (IOException | InterruptedException e) {
                        problem = e.toString();
                    }
                    latencies.add(System.nanoTime() - before, problem);
                }
                mine.forEach((name, latencies) -> results.merge(name, latencies, Latencies::merge));
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Run(results, System.nanoTime() - start);
    }

    private static void printTable(String title, Run run, Map<String, Long> matched) {
        System.out.printf(Locale.ROOT, "%n%s%n", title);
        System.out.println("| query | rows matched | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        Latencies overall = new Latencies();
        for (Map.Entry<String, Long> entry : matched.entrySet()) {
            Latencies latencies = run.latencies().get(entry.getKey());
            if (latencies != null) {
                System.out.println(latencies.row(entry.getKey(), Long.toString(entry.getValue()), run.elapsedNanos()));
                overall = overall.merge(latencies);
            }
        }
        if (run.latencies().size() > 1) {
            System.out.println(overall.row("**overall**", "", run.elapsedNanos()));
        }
        run.latencies().values().stream().filter(latencies -> latencies.firstProblem() != null).forEach(latencies ->
                System.out.println("first error: " + latencies.firstProblem()));
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private URI uri(String pathAndQuery) {
        return URI.create(options.url() + pathAndQuery);
    }

    @FunctionalInterface
    private interface Call {
        /** @return null when the answer is right, else what was wrong */
        String send(Query query) throws IOException, InterruptedException;
    }

    private record Query(String name, String params) {
    }

    /** What one measured run saw, by query name, and how long it lasted. */
    private record Run(Map<String, Latencies> latencies, long elapsedNanos) {
    }

    private record Options(String url, String token, int people, int seconds, int warmup, int concurrency, int chunk,
                           String adminEmail, String adminPassword) {

        private static final Set<String> NAMES = Set.of("--url", "--token", "--people", "--seconds", "--warmup",
                "--concurrency", "--chunk", "--admin-email", "--admin-password");

        /** @return null when the arguments are wrong */
        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>(Map.of("--people", "100000", "--seconds", "30", "--warmup", "10",
                    "--concurrency", "4", "--chunk", "500", "--admin-email", "admin@workspace.local"));
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!NAMES.contains(args[i])) {
                    return null;
                }
                values.put(args[i], args[i + 1]);
            }
            if (args.length % 2 != 0 || !values.containsKey("--url") || !values.containsKey("--token")) {
                return null;
            }
            try {
                Options options = new Options(values.get("--url").replaceAll("/+$", ""), values.get("--token"),
                        Integer.parseInt(values.get("--people")), Integer.parseInt(values.get("--seconds")),
                        Integer.parseInt(values.get("--warmup")), Integer.parseInt(values.get("--concurrency")),
                        Integer.parseInt(values.get("--chunk")), values.get("--admin-email"), values.get("--admin-password"));
                return options.people() < 0 || options.seconds() < 1 || options.warmup() < 0 || options.concurrency() < 1
                        || options.chunk() < 1 || options.chunk() > 100_000 ? null : options;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
