package dev.workspace.mfa.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One node of the cluster as an operator runs it: {@code ./run.sh} with the cluster's settings and this node's ports,
 * its console in {@code console.txt} and Payara's log in {@code server.log} of its data directory.
 */
final class ClusterNode implements AutoCloseable {

    final String name;
    final int httpPort;
    private final Path runScript;
    private final Path dataDir;
    private final Map<String, String> environment;
    private Process process;
    private long readyLinesBeforeStart;

    ClusterNode(String name, int httpPort, int clusterPort, Path runScript, Path dataDir, Map<String, String> cluster) {
        this.name = name;
        this.httpPort = httpPort;
        this.runScript = runScript;
        this.dataDir = dataDir;
        this.environment = new HashMap<>(cluster);
        environment.put("MFA_HTTP_PORT", Integer.toString(httpPort));
        environment.put("MFA_CLUSTER_PORT", Integer.toString(clusterPort));
        environment.put("MFA_DATA_DIR", dataDir.toString());
    }

    void start() throws IOException {
        Files.createDirectories(dataDir);
        readyLinesBeforeStart = readyLines();
        ProcessBuilder builder = new ProcessBuilder("bash", runScript.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console().toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** Waits for run.sh to say the workspace is ready (it waits for the deployment, not just the server). */
    void awaitReady(Duration limit) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(limit);
        while (Instant.now().isBefore(until)) {
            if (readyLines() > readyLinesBeforeStart) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + ": run.sh ended before the node was ready:\n" + Files.readString(console()));
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + ": not ready within " + limit + ":\n" + Files.readString(console()));
    }

    private long readyLines() throws IOException {
        return Files.exists(console())
                ? Files.readAllLines(console()).stream().filter(line -> line.startsWith("Workspace is ready")).count() : 0;
    }

    /** As a power cut would: the JVM gets SIGKILL, nothing of it is shut down in order. */
    void killHard() throws InterruptedException {
        ProcessHandle java = process.descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                .findFirst().orElseThrow(() -> new AssertionError(name + ": no java process under run.sh"));
        java.destroyForcibly();
        java.onExit().join();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String serverLog() throws IOException {
        Path log = dataDir.resolve("server.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private Path console() {
        return dataDir.resolve("console.txt");
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
