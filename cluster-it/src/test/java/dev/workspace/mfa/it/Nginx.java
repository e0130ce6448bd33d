package dev.workspace.mfa.it;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Debian's nginx with the repository's {@code deploy/nginx/workspace.conf}, as an operator installs it, on loopback
 * ports: the nodes, the listening address and the certificate are the only lines changed. For the checks that must
 * reach one given node, each node also gets an address of its own ({@link #nodePort}) with the same proxy settings,
 * so that both answer over HTTPS with the same cookies.
 */
final class Nginx implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/sbin/nginx");
    private static final Pattern UPSTREAM_SERVERS = Pattern.compile("(?m)^(\\s*)server 127\\.0\\.0\\.1:8081 (.*)\\n\\s*server 127\\.0\\.0\\.1:8082 .*\\n");
    private static final Pattern LOCATION = Pattern.compile("(?s)\\n(\\s*location / \\{.*?\\n\\s*})");

    final int port;
    private final Path dir;
    private Process process;

    static boolean available() {
        return Files.isExecutable(EXECUTABLE);
    }

    Nginx(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** The address that always reaches node {@code index} (0, 1, …). */
    int nodePort(int index) {
        return port + 1 + index;
    }

    void start(Path shippedConfig, List<ClusterNode> nodes, TestTls tls) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("logs"));
        String site = Files.readString(shippedConfig);
        Matcher servers = UPSTREAM_SERVERS.matcher(site);
        if (!servers.find()) {
            throw new AssertionError("the shipped configuration no longer lists the two example nodes: " + shippedConfig);
        }
        String indent = servers.group(1);
        String options = servers.group(2);
        site = servers.replaceFirst(Matcher.quoteReplacement(nodes.stream()
                .map(node -> indent + "server 127.0.0.1:" + node.httpPort + " " + options + "\n").collect(Collectors.joining())));
        site = replaceOnce(site, "listen 443 ssl;", "listen 127.0.0.1:" + port + " ssl;");
        site = replaceOnce(site, "listen 80;", "listen 127.0.0.1:" + (port + 100) + ";");
        site = replaceOnce(site, "/etc/nginx/tls/workspace.crt", tls.certificate().toString());
        site = replaceOnce(site, "/etc/nginx/tls/workspace.key", tls.key().toString());
        Matcher location = LOCATION.matcher(site);
        if (!location.find()) {
            throw new AssertionError("no 'location /' block in " + shippedConfig);
        }
        StringBuilder pinned = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            pinned.append("server {\n    listen 127.0.0.1:").append(nodePort(i)).append(" ssl;\n")
                    .append("    ssl_certificate ").append(tls.certificate()).append(";\n")
                    .append("    ssl_certificate_key ").append(tls.key()).append(";\n")
                    .append(location.group(1).replace("proxy_pass http://workspace_nodes;",
                            "proxy_pass http://127.0.0.1:" + nodes.get(i).httpPort + ";"))
                    .append("\n}\n");
        }
        Files.writeString(dir.resolve("workspace.conf"), site + "\n" + pinned);
        boolean root = "root".equals(System.getProperty("user.name"));
        Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
                root ? "user root root;" : "",
                "worker_processes 1;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("logs/error.log") + " warn;",
                "events { worker_connections 256; }",
                "http {",
                "    log_format upstream '$request $status $upstream_addr';",
                "    access_log " + dir.resolve("logs/access.log") + " upstream;",
                "    client_body_temp_path " + dir.resolve("client_body") + ";",
                "    proxy_temp_path " + dir.resolve("proxy") + ";",
                "    fastcgi_temp_path " + dir.resolve("fastcgi") + ";",
                "    uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
                "    scgi_temp_path " + dir.resolve("scgi") + ";",
                "    include " + dir.resolve("workspace.conf") + ";",
                "}", ""));
        process = new ProcessBuilder(EXECUTABLE.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(dir.resolve("logs/console.txt").toFile()).start();
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new AssertionError("nginx did not start: " + Files.readString(dir.resolve("logs/console.txt"))
                            + Files.readString(dir.resolve("logs/error.log")));
                }
                Thread.sleep(200);
            }
        }
        throw new AssertionError("nginx does not listen on " + port);
    }

    /** The upstream that answered each request so far, in order ("GET /login HTTP/1.1 200 127.0.0.1:18181"). */
    List<String> accessLog() throws IOException {
        return Files.readAllLines(dir.resolve("logs/access.log"));
    }

    private static String replaceOnce(String text, String line, String replacement) {
        if (!text.contains(line)) {
            throw new AssertionError("the shipped configuration has no '" + line + "'");
        }
        return text.replace(line, replacement);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
