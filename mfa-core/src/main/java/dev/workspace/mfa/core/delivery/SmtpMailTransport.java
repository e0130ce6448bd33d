package dev.workspace.mfa.core.delivery;

import dev.workspace.mfa.core.delivery.OutgoingMessage.Channel;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email over SMTP with Jakarta Mail: plain text, or text and HTML as multipart/alternative, all UTF-8. Connection
 * trouble and 4xx replies are tried again ({@link BoundedRetry}); a 5xx reply, refused credentials or a TLS failure
 * is final at once, since the server would say the same again.
 */
public final class SmtpMailTransport implements MessageDelivery {

    /**
     * For connecting, each reply and each write. A healthy relay answers in milliseconds; one that needs longer would
     * keep the person waiting for their code past the point where they give up anyway.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final String UTF_8 = "UTF-8";
    /** A server's reply code: at the start of a reply, or where Jakarta Mail quotes a refused greeting. */
    private static final Pattern REPLY_CODE = Pattern.compile("(?:^|response: )(([2-5])\\d\\d)\\b");

    private final SmtpSettings settings;
    private final InternetAddress from;
    private final Session session;

    public SmtpMailTransport(SmtpSettings settings) {
        this.settings = settings;
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("MFA_SMTP_FROM is not an email address");
        }
        this.session = Session.getInstance(properties(settings));
    }

    private static Properties properties(SmtpSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        String timeout = Long.toString(TIMEOUT.toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", timeout);
        properties.setProperty("mail.smtp.timeout", timeout);
        properties.setProperty("mail.smtp.writetimeout", timeout);
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.signsIn()));
        // Required, not just preferred: otherwise a man in the middle could strip STARTTLS and read the password.
        properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        properties.setProperty("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        // Jakarta Mail accepts any trusted certificate unless told to match it to the host name.
        properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        return properties;
    }

    @Override
    public void send(OutgoingMessage message) {
        if (message.channel() != Channel.EMAIL) {
            throw new IllegalArgumentException("SMTP sends email only");
        }
        BoundedRetry.run(message, () -> deliver(message));
    }

    private void deliver(OutgoingMessage message) throws FailedAttempt {
        MimeMessage mime;
        try {
            mime = compose(message);
        } catch (AddressException e) {
            throw FailedAttempt.permanent("not a valid email address");
        } catch (MessagingException e) {
            throw FailedAttempt.permanent("cannot compose the email: " + e.getClass().getSimpleName());
        }
        try {
            if (settings.signsIn()) {
                Transport.send(mime, settings.user(), settings.password());
            } else {
                Transport.send(mime);
            }
        } catch (MessagingException e) {
            throw classify(e);
        }
    }

    private MimeMessage compose(OutgoingMessage message) throws MessagingException {
        MimeMessage mime = new MimeMessage(session);
        mime.setFrom(from);
        mime.setRecipient(RecipientType.TO, new InternetAddress(message.to(), true));
        mime.setSubject(message.subject(), UTF_8);
        mime.setSentDate(new Date());
        if (message.html() == null) {
            mime.setText(message.text(), UTF_8);
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.text(), UTF_8);
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.html(), UTF_8, "html");
            // The richest part comes last (RFC 2046); clients that cannot show HTML show the text.
            mime.setContent(new MimeMultipart("alternative", text, html));
        }
        return mime;
    }

    /**
     * Whether the failure is worth another attempt, judged by the first telling link of its cause chain. The reason
     * keeps the reply code only: reply texts often quote the recipient's address.
     */
    private static FailedAttempt classify(MessagingException failure) {
        for (Throwable link = failure; link != null; link = link.getCause()) {
            if (link instanceof IOException connection) {
                return FailedAttempt.of(connection);
            }
            Matcher code = link.getMessage() == null ? null : REPLY_CODE.matcher(link.getMessage());
            if (code != null && code.find()) {
                String reason = link.getClass().getSimpleName() + ", SMTP reply " + code.group(1);
                return "4".equals(code.group(2)) ? FailedAttempt.retryable(reason) : FailedAttempt.permanent(reason);
            }
        }
        return FailedAttempt.permanent(FailedAttempt.describe(failure));
    }
}
