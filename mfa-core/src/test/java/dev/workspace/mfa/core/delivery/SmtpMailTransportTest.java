package dev.workspace.mfa.core.delivery;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmtpMailTransportTest {

    private static final String FROM = "no-reply@workspace.test";
    private static final String TEXT = "Hallo Jürgen,\nyour code is 123456. ✓";
    private static final String HTML = "<p>Hallo Jürgen,</p><p>your code is <b>123456</b>. ✓</p>";
    private static final OutgoingMessage CODE = OutgoingMessage.email("juergen@example.com", "Dein Code – ✓", TEXT, HTML);

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay-user", "relay-password"))
            .withPerMethodLifecycle(true);

    private static SmtpMailTransport transport(int port, String user, String password, boolean startTls) {
        return new SmtpMailTransport(new SmtpSettings("127.0.0.1", port, user, password, FROM, startTls));
    }

    private static SmtpMailTransport greenMailTransport() {
        return transport(greenMail.getSmtp().getPort(), null, null, false);
    }

    @Test
    void sendsTextAndHtmlAsAlternativesInUtf8() throws Exception {
        greenMailTransport().send(CODE);

        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertArrayEquals(new InternetAddress[] {new InternetAddress(FROM)}, received.getFrom());
        assertArrayEquals(new InternetAddress[] {new InternetAddress("juergen@example.com")}, received.getRecipients(RecipientType.TO));
        assertEquals("Dein Code – ✓", received.getSubject());
        assertTrue(received.isMimeType("multipart/alternative"), received.getContentType());
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertEquals(2, parts.getCount());
        assertPart(parts.getBodyPart(0), "text/plain", TEXT);
        assertPart(parts.getBodyPart(1), "text/html", HTML);
    }

    private static void assertPart(BodyPart part, String type, String content) throws Exception {
        assertTrue(part.isMimeType(type), part.getContentType());
        assertTrue(part.getContentType().toUpperCase().contains("CHARSET=UTF-8"), part.getContentType());
        assertEquals(content, lines((String) part.getContent()));
    }

    /** Mail travels with CRLF line ends (RFC 5322); the text is the same. */
    private static String lines(String received) {
        return received.replace("\r\n", "\n");
    }

    @Test
    void withoutHtmlSendsPlainText() throws Exception {
        greenMailTransport().send(OutgoingMessage.email("jane@example.com", "Hello", TEXT, null));

        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertTrue(received.isMimeType("text/plain"), received.getContentType());
        assertEquals(TEXT, lines((String) received.getContent()));
    }

    @Test
    void signsInWithUserAndPassword() throws Exception {
        transport(greenMail.getSmtp().getPort(), "relay-user", "relay-password", false).send(CODE);

        assertEquals(1, greenMail.getReceivedMessages().length);
    }

    @Test
    void aWrongPasswordFailsAtOnce() {
        SmtpMailTransport wrongPassword = transport(greenMail.getSmtp().getPort(), "relay-user", "guess", false);

        DeliveryFailedException failure = assertThrows(DeliveryFailedException.class, () -> wrongPassword.send(CODE));

        assertTrue(failure.getMessage().contains("attempt 1 of"), failure.getMessage());
        assertTrue(failure.getMessage().contains("SMTP reply 535"), failure.getMessage());
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void aServerThatIsDownIsTriedAgainThenGivenUp() throws Exception {
        try (ScriptedSmtpServer down = new ScriptedSmtpServer("421 4.3.2 Service not available", Map.of())) {
            DeliveryFailedException failure = assertThrows(DeliveryFailedException.class,
                    () -> transport(down.port(), null, null, false).send(CODE));

            assertEquals(BoundedRetry.ATTEMPTS, down.connections());
            assertTrue(failure.getMessage().contains("SMTP reply 421"), failure.getMessage());
        }
    }

    @Test
    void aTemporaryRejectionIsTriedAgain() throws Exception {
        try (ScriptedSmtpServer greylisting = new ScriptedSmtpServer("220 ready", Map.of("RCPT", "451 4.7.1 Greylisted, try later"))) {
            assertThrows(DeliveryFailedException.class, () -> transport(greylisting.port(), null, null, false).send(CODE));

            assertEquals(BoundedRetry.ATTEMPTS, greylisting.connections());
        }
    }

    @Test
    void aPermanentRejectionFailsAtOnceWithoutQuotingTheServer() throws Exception {
        try (ScriptedSmtpServer strict = new ScriptedSmtpServer("220 ready",
                Map.of("RCPT", "550 5.1.1 <juergen@example.com>: Recipient address rejected"))) {
            DeliveryFailedException failure = assertThrows(DeliveryFailedException.class,
                    () -> transport(strict.port(), null, null, false).send(CODE));

            assertEquals(1, strict.connections());
            assertTrue(failure.getMessage().contains("SMTP reply 550"), failure.getMessage());
            assertTrue(failure.getMessage().contains("j•••@example.com"), failure.getMessage());
            assertFalse(failure.getMessage().contains("juergen@"), failure.getMessage());
            assertFalse(failure.getMessage().contains("123456"), failure.getMessage());
        }
    }

    @Test
    void requiredStartTlsThatTheServerLacksFailsAtOnce() throws Exception {
        try (ScriptedSmtpServer plain = new ScriptedSmtpServer("220 ready", Map.of())) {
            DeliveryFailedException failure = assertThrows(DeliveryFailedException.class,
                    () -> transport(plain.port(), "relay-user", "relay-password", true).send(CODE));

            assertEquals(1, plain.connections());
            assertTrue(failure.getMessage().contains("STARTTLS"), failure.getMessage());
        }
    }

    @Test
    void nobodyListeningIsTriedAgainThenGivenUp() throws Exception {
        // A port held by a socket that is bound but not listening refuses every connection, and nothing else (such as
        // the mail server the extension starts for each test) can take it, as it could a port merely closed before the send.
        try (Socket holder = new Socket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int refusingPort = holder.getLocalPort();

            DeliveryFailedException failure = assertThrows(DeliveryFailedException.class,
                    () -> transport(refusingPort, null, null, false).send(CODE));

            assertTrue(failure.getMessage().contains("attempt " + BoundedRetry.ATTEMPTS + " of " + BoundedRetry.ATTEMPTS), failure.getMessage());
        }
    }
}
