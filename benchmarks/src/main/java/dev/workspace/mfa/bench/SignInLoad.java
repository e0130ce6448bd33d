package dev.workspace.mfa.bench;

import dev.workspace.mfa.core.password.Argon2idPasswordHasher;
import dev.workspace.mfa.core.totp.Base32;
import dev.workspace.mfa.core.totp.Totp;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The full browser sign-in under load: a new cookie jar, {@code GET /login}, the form posted with its hidden fields and
 * button, the authenticator code computed from the person's secret posted on {@code /login/verify}, the redirect
 * followed to the home page. C clients in a closed loop for a duration; reports sign-ins/s, p50/p95/p99, errors and
 * the server's CPU-ms per sign-in from {@code /proc/<pid>/stat}. A code is used once per person and time step: people
 * are claimed from a pool by the last step each used. With {@code --per-request S}, one client then runs alone for S
 * seconds and each request's server CPU is reported apart.
 */
public final class SignInLoad {

    static final String DOMAIN = "@signin.bench.example";
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    /** The requests of one sign-in, in order. */
    private static final String[] STEPS = {"GET /login", "POST /login (password)", "GET /login/verify",
            "POST /login/verify (code)", "GET / (home)"};

    private final Options options;
    private final Person[] people;
    private final AtomicInteger next = new AtomicInteger();
    /** Set during a per-request run only. */
    private volatile RequestCosts perRequest;

    private SignInLoad(Options options) {
        this.options = options;
        this.people = new Person[options.people()];
        for (int i = 0; i < people.length; i++) {
            people[i] = new Person("signin" + i + DOMAIN, secret(i));
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (options == null) {
            System.err.println("usage: SignInLoad --url http://localhost:8095 --token <bootstrap API token> --pid <server pid>"
                    + " [--people 2000] [--concurrency 1,4,16] [--seconds 60] [--warmup 10] [--jit-warmup 0]"
                    + " [--per-request 0]");
            System.exit(2);
        }
        new SignInLoad(options).run();
    }

    private void run() throws Exception {
        provision();
        if (options.jitWarmup() > 0) {
            // The JIT compiles for minutes on a small machine: levels measured before it settles show its work too.
            int clients = Arrays.stream(options.concurrency()).max().orElse(1);
            System.out.printf(Locale.ROOT, "JIT warm-up: %d s at %d concurrent, not counted%n", options.jitWarmup(), clients);
            drive(clients, options.jitWarmup());
        }
        System.out.println();
        System.out.println("| concurrent | sign-ins/s | p50 ms | p95 ms | p99 ms | errors | server CPU-ms per sign-in |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int clients : options.concurrency()) {
            drive(clients, options.warmup());
            long cpuBefore = cpuMillis();
            long start = System.nanoTime();
            ScheduledExecutorService memory = Executors.newSingleThreadScheduledExecutor();
            if (options.seconds() >= 120) {
                // A long run says whether memory stays flat: the server's RSS at each minute.
                AtomicInteger minute = new AtomicInteger();
                memory.scheduleAtFixedRate(() -> System.out.printf(Locale.ROOT, "minute %d at %d concurrent: RSS %d MB%n",
                        minute.incrementAndGet(), clients, rssMegabytes()), 1, 1, TimeUnit.MINUTES);
            }
            Latencies measured = drive(clients, options.seconds());
            memory.shutdownNow();
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpu = cpuMillis() - cpuBefore;
            int ok = measured.count() - measured.errors();
            System.out.printf(Locale.ROOT, "| %d | %.1f | %s | %s | %s | %d | %.0f |%n", clients, ok / seconds,
                    measured.millisAt(0.50), measured.millisAt(0.95), measured.millisAt(0.99), measured.errors(),
                    ok == 0 ? Double.NaN : (double) cpu / ok);
            if (measured.firstProblem() != null) {
                System.out.println("first error: " + measured.firstProblem());
            }
        }
        if (options.perRequest() > 0) {
            runPerRequest(options.perRequest());
        }
    }

    // Provisioning: everyone has the same password (one Argon2id hash) and their own authenticator secret.

    private void provision() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String found = api(http, "GET", "/api/v1/users?size=1&q=" + DOMAIN, null).body();
        Matcher total = TOTAL.matcher(found);
        long existing = total.find() ? Long.parseLong(total.group(1)) : 0;
        if (existing >= people.length) {
            System.out.printf(Locale.ROOT, "%d people already there%n", existing);
            return;
        }
        String hash = new Argon2idPasswordHasher().hash(PeopleListingLoad.PERSON_PASSWORD);
        for (int from = (int) existing; from < people.length; from += 500) {
            StringBuilder csv = new StringBuilder("email,name,roles,groups,password_hash,totp_secret\n");
            for (int i = from; i < Math.min(people.length, from + 500); i++) {
                csv.append(people[i].email()).append(",Bench ").append(i).append(",user,bench,\"").append(hash)
                        .append("\",").append(Base32.encode(people[i].secret())).append('\n');
            }
            HttpResponse<String> imported = api(http, "POST", "/api/v1/users/import", csv.toString());
            if (imported.statusCode() != 200 || !imported.body().contains("\"errors\":[]")) {
                throw new IllegalStateException("import answered " + imported.statusCode() + ": " + imported.body());
            }
        }
        System.out.printf(Locale.ROOT, "imported %d people%n", people.length - existing);
    }

    private HttpResponse<String> api(HttpClient http, String method, String path, String csv)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(options.url() + path))
                .header("Authorization", "Bearer " + options.token()).timeout(Duration.ofMinutes(10));
        if (csv != null) {
            request.header("Content-Type", "text/csv");
        }
        return http.send(request.method(method, csv == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Each person's authenticator secret, derived from their number so nothing needs storing between runs. */
    private static byte[] secret(int i) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256")
                    .digest(("bench-totp-" + i).getBytes(StandardCharsets.UTF_8)), Totp.SECRET_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // The closed loop.

    private Latencies drive(int clients, int seconds) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Latencies> each = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Latencies latencies = new Latencies();
            each.add(latencies);
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    String problem;
                    try {
                        problem = signIn(claim());
                    } catch (IOException | RuntimeException e) {
                        problem = e.toString();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    latencies.add(System.nanoTime() - started, problem);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return each.stream().reduce(new Latencies(), Latencies::merge);
    }

    /** A person who has not used the current time step yet; waits for the next step when all have. */
    private Claimed claim() throws InterruptedException {
        while (true) {
            long step = Totp.STANDARD.step(System.currentTimeMillis() / 1000);
            for (int tries = 0; tries < people.length; tries++) {
                Person person = people[Math.floorMod(next.getAndIncrement(), people.length)];
                long last = person.lastStep().get();
                if (last < step && person.lastStep().compareAndSet(last, step)) {
                    return new Claimed(person, Totp.STANDARD.code(person.secret(), step));
                }
            }
            Thread.sleep(100);
        }
    }

    /** One browser's sign-in; null when it ended on the home page, else what went wrong. */
    private String signIn(Claimed claimed) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = send(browser, get("/login"), 0);
        HttpResponse<String> password = send(browser, post("/login", HtmlForm.filled(login.body(), Map.of(
                "username", claimed.person().email(), "current-password", PeopleListingLoad.PERSON_PASSWORD))), 1);
        if (!redirectsTo(password, "/login/verify")) {
            return "password step answered " + password.statusCode() + " " + location(password);
        }
        HttpResponse<String> verify = send(browser, get("/login/verify"), 2);
        HttpResponse<String> code = send(browser, post("/login/verify", HtmlForm.filled(verify.body(),
                Map.of("one-time-code", claimed.code()))), 3);
        if (code.statusCode() != 302 || location(code).contains("/login")) {
            return "second step answered " + code.statusCode() + " " + location(code);
        }
        HttpResponse<String> home = send(browser, get(URI.create(options.url()).resolve(location(code)).getPath()), 4);
        return home.statusCode() == 200 ? null : "home answered " + home.statusCode();
    }

    /** Sends request number {@code step} of a sign-in ({@link #STEPS}), and notes its cost in a per-request run. */
    private HttpResponse<String> send(HttpClient browser, HttpRequest request, int step)
            throws IOException, InterruptedException {
        RequestCosts costs = perRequest;
        if (costs == null) {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        }
        long cpu = cpuMillis();
        long started = System.nanoTime();
        HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString());
        costs.add(step, cpuMillis() - cpu, System.nanoTime() - started);
        return response;
    }

    /**
     * One client alone for a duration, each request's server CPU noted apart: what each page of a sign-in costs.
     * /proc counts CPU in ticks of 10 ms, so a single request's figure is coarse; the mean over hundreds is not.
     */
    private void runPerRequest(int seconds) throws InterruptedException {
        perRequest = new RequestCosts();
        Latencies measured = drive(1, seconds);
        RequestCosts costs = perRequest;
        perRequest = null;
        System.out.println();
        System.out.printf(Locale.ROOT, "One client for %d s, %d sign-ins (%d errors): each request's mean%n", seconds,
                measured.count(), measured.errors());
        System.out.println("| request | server CPU-ms | wall ms |");
        System.out.println("|---|---|---|");
        for (int step = 0; step < STEPS.length; step++) {
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f |%n", STEPS[step], costs.cpuMillis(step),
                    costs.wallMillis(step));
        }
    }

    /** Sums per request of a sign-in; one client writes, so plain arrays under the monitor suffice. */
    private static final class RequestCosts {
        private final long[] count = new long[STEPS.length];
        private final long[] cpuMillis = new long[STEPS.length];
        private final long[] wallNanos = new long[STEPS.length];

        synchronized void add(int step, long cpu, long wall) {
            count[step]++;
            cpuMillis[step] += cpu;
            wallNanos[step] += wall;
        }

        synchronized double cpuMillis(int step) {
            return count[step] == 0 ? Double.NaN : (double) cpuMillis[step] / count[step];
        }

        synchronized double wallMillis(int step) {
            return count[step] == 0 ? Double.NaN : wallNanos[step] / 1e6 / count[step];
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(options.url() + path)).timeout(Duration.ofMinutes(1)).GET().build();
    }

    private HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(URI.create(options.url() + path)).timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", options.url())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private static boolean redirectsTo(HttpResponse<?> response, String path) {
        return response.statusCode() == 302 && location(response).endsWith(path);
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** The server process's user + system CPU so far, from {@code /proc/<pid>/stat} (clock ticks of 10 ms). */
    private long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(options.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After "pid (comm) ", field 3 (state) is index 0: utime is field 14, stime 15.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / CLOCK_TICKS;
    }

    /** The server process's resident memory ({@code VmRSS} of {@code /proc/<pid>/status}), or -1 when unreadable. */
    private long rssMegabytes() {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(options.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** {@code getconf CLK_TCK}: 100 on Linux unless the kernel was built otherwise. */
    private static final long CLOCK_TICKS = 100;

    private record Person(String email, byte[] secret, AtomicLong lastStep) {
        Person(String email, byte[] secret) {
            this(email, secret, new AtomicLong(-1));
        }
    }

    private record Claimed(Person person, String code) {
    }

    private record Options(String url, String token, long pid, int people, int[] concurrency, int seconds, int warmup,
                           int jitWarmup, int perRequest) {

        /** @return null when the arguments are wrong */
        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>(Map.of("--people", "2000", "--concurrency", "1,4,16",
                    "--seconds", "60", "--warmup", "10", "--jit-warmup", "0", "--per-request", "0"));
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    return null;
                }
                values.put(args[i], args[i + 1]);
            }
            if (args.length % 2 != 0 || !values.keySet().containsAll(List.of("--url", "--token", "--pid"))) {
                return null;
            }
            try {
                Options options = new Options(values.get("--url").replaceAll("/+$", ""), values.get("--token"),
                        Long.parseLong(values.get("--pid")), Integer.parseInt(values.get("--people")),
                        Arrays.stream(values.get("--concurrency").split(",")).mapToInt(Integer::parseInt).toArray(),
                        Integer.parseInt(values.get("--seconds")), Integer.parseInt(values.get("--warmup")),
                        Integer.parseInt(values.get("--jit-warmup")), Integer.parseInt(values.get("--per-request")));
                return options.people() < 1 || options.seconds() < 1 || options.warmup() < 0 || options.jitWarmup() < 0
                        || options.perRequest() < 0 ? null : options;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
