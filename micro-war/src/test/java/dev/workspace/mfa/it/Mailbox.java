package dev.workspace.mfa.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real SMTP server (GreenMail) on a free loopback port, started before the application that is configured with it
 * ({@link #settings}), and what the stories read from it.
 */
final class Mailbox implements AutoCloseable {

    private final GreenMail server;

    Mailbox() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** The application's MicroProfile Config lines for this server. */
    String[] settings(String from) {
        return new String[]{"mfa.smtp.host=127.0.0.1", "mfa.smtp.port=" + server.getSmtp().getPort(), "mfa.smtp.from=" + from};
    }

    /**
     * The text part of the newest email with this subject, once at least {@code expectedCount} mails arrived (bounded
     * wait: security emails go out asynchronously), checking that it went to {@code to}.
     */
    String newest(String to, String subject, int expectedCount) throws MessagingException, IOException {
        assertTrue(server.waitForIncomingEmail(10_000, expectedCount), "mail number " + expectedCount + " arrives");
        MimeMessage[] received = server.getReceivedMessages();
        for (int i = received.length - 1; i >= 0; i--) {
            if (received[i].getSubject().equals(subject)) {
                assertEquals(to, received[i].getAllRecipients()[0].toString());
                return textOf(received[i]);
            }
        }
        throw new AssertionError("no mail with subject " + subject + " among " + received.length);
    }

    /** The text part of the first email to {@code to} with this subject, waiting for it up to 10 s. */
    String awaitMail(String to, String subject) throws MessagingException, IOException, InterruptedException {
        for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline; Thread.sleep(100)) {
            for (MimeMessage message : server.getReceivedMessages()) {
                if (message.getSubject().equals(subject) && message.getAllRecipients()[0].toString().equals(to)) {
                    return textOf(message);
                }
            }
        }
        throw new AssertionError("no mail to " + to + " with subject " + subject);
    }

    private static String textOf(MimeMessage message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return part.getContent().toString();
                }
            }
        }
        return content.toString();
    }

    @Override
    public void close() {
        server.stop();
    }
}
