package dev.workspace.mfa.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

/** A cookie-keeping HTTP client that never follows redirects, with just enough HTML reading to post Faces forms. */
public final class WebClient {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]*)\"");
    private static final Pattern ERROR_MESSAGE = Pattern.compile("ui-messages-error-summary\">([^<]*)<");

    private final URI base;
    private final CookieManager cookies;
    private final HttpClient http;

    public WebClient(URI base) {
        this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL), null);
    }

    /** Over HTTPS, trusting what {@code tls} trusts (a test's own certificate authority). */
    public WebClient(URI base, SSLContext tls) {
        this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL), tls);
    }

    private WebClient(URI base, CookieManager cookies, SSLContext tls) {
        this.base = base;
        this.cookies = cookies;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER);
        this.http = (tls == null ? builder : builder.sslContext(tls)).build();
    }

    /** The same browser (its cookies) talking to another address of the same host, e.g. another node. */
    public WebClient at(URI otherBase) {
        return new WebClient(otherBase, cookies, http.sslContext());
    }

    URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return postRaw(path, "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString(body));
    }

    HttpResponse<String> postRaw(String path, String contentType, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the form {@code formId} of the page just read, as its own script would, with the given fields. */
    HttpResponse<String> postForm(String path, String page, String formId, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId, formId);
        form.putAll(fields);
        form.put("jakarta.faces.ViewState", find(VIEW_STATE, page));
        form.put("primefaces.nonce", find(NONCE, page));
        return post(path, form);
    }

    /** Fills the sign-in form of the page just read, as the page's own script would (view state and CSP nonce). */
    HttpResponse<String> signIn(String loginPage, String email, String password) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:email", email);
        form.put("login:password", password);
        form.put("login:signIn", "");
        form.put("jakarta.faces.ViewState", find(VIEW_STATE, loginPage));
        form.put("primefaces.nonce", find(NONCE, loginPage));
        return post("/login", form);
    }

    public HttpResponse<String> signIn(String email, String password) throws IOException, InterruptedException {
        return signIn(get("/login").body(), email, password);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path));
    }

    /** A Faces AJAX post of the form on the page just read, with the given extra fields. */
    HttpResponse<String> ajax(String path, String page, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("jakarta.faces.partial.ajax", "true");
        form.putIfAbsent("jakarta.faces.ViewState", find(VIEW_STATE, page));
        form.put("primefaces.nonce", find(NONCE, page));
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Faces-Request", "partial/ajax").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Sends the request head exactly as written (HttpClient would normalise {@code //evil.example} away), with this
     * client's session cookie; returns the status line and headers, lower-cased names first.
     */
    RawResponse raw(String method, String target, String... headers) throws IOException {
        return raw(method, target, new byte[0], headers);
    }

    RawResponse raw(String method, String target, byte[] body, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        if (sessionId() != null) {
            head.append("Cookie: JSESSIONID=").append(sessionId()).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return RawResponse.parse(response);
        }
    }

    record RawResponse(int status, Map<String, String> headers, String body) {
        static RawResponse parse(String response) {
            String[] parts = response.split("\r\n\r\n", 2);
            String[] lines = parts[0].split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.merge(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim(),
                            (a, b) -> a + ", " + b);
                }
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, parts.length > 1 ? parts[1] : "");
        }

        String location() {
            return headers.getOrDefault("location", "");
        }
    }

    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    void replaceSessionId(String id) {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .forEach(c -> c.setValue(id));
    }

    public static String errorMessage(String html) {
        Matcher m = ERROR_MESSAGE.matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private static String find(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no " + pattern + " in page:\n" + html);
        }
        return m.group(1);
    }
}
