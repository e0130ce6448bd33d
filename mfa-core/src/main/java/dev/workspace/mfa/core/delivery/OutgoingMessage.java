package dev.workspace.mfa.core.delivery;

import java.util.Objects;

/**
 * One email or SMS to send. {@code to} is an email address or an E.164 number; {@code subject} and {@code html} are
 * for email only ({@code html} may be null, then the email is plain text).
 */
public record OutgoingMessage(Channel channel, String to, String subject, String text, String html) {

    public enum Channel { EMAIL, SMS }

    public OutgoingMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(text, "text");
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("a message needs a recipient");
        }
        if (channel == Channel.EMAIL && subject == null) {
            throw new IllegalArgumentException("an email needs a subject");
        }
        if (channel == Channel.SMS && (subject != null || html != null)) {
            throw new IllegalArgumentException("an SMS has neither subject nor HTML");
        }
    }

    public static OutgoingMessage email(String to, String subject, String text, String html) {
        return new OutgoingMessage(Channel.EMAIL, to, subject, text, html);
    }

    public static OutgoingMessage sms(String e164, String text) {
        return new OutgoingMessage(Channel.SMS, e164, null, text, null);
    }

    /** The recipient as logs may show it. */
    public String maskedTo() {
        return channel == Channel.EMAIL ? MaskedAddress.email(to) : PhoneNumbers.mask(to);
    }

    /** Without the body: a message that ends up in a log line or an exception must not leak its code. */
    @Override
    public String toString() {
        return "OutgoingMessage[" + channel + " to " + maskedTo() + "]";
    }
}
