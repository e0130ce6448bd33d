package dev.workspace.mfa.core.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare SMTP server for the replies GreenMail will not give: it greets, answers each command by its verb from a
 * script ("250 ok" for verbs the script leaves out) and counts the connections it took, one at a time.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String greeting;
    private final Map<String, String> replies;
    private final AtomicInteger connections = new AtomicInteger();

    ScriptedSmtpServer(String greeting, Map<String, String> replies) {
        this.greeting = greeting;
        this.replies = replies;
        try {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::serve, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                connections.incrementAndGet();
                converse(client);
            } catch (IOException closedOrHungUp) {
                // The next connection, or the end when the socket was closed.
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
        reply(out, greeting);
        if (!greeting.startsWith("2")) {
            return;
        }
        for (String line; (line = in.readLine()) != null; ) {
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            if (verb.equals("DATA")) {
                reply(out, "354 go ahead");
                while (!".".equals(in.readLine())) {
                    // the message itself
                }
            }
            String answer = replies.getOrDefault(verb, "250 ok");
            reply(out, answer);
            if (verb.equals("QUIT") || answer.startsWith("421")) {
                return;
            }
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
