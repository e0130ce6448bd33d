package dev.workspace.mfa.core.delivery;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where and how email is handed over (docs/delivery.md#email). {@code user} and {@code password} are null for a relay
 * that takes mail without signing in.
 */
public record SmtpSettings(String host, int port, String user, String password, String from, boolean startTls) {

    /** Mail submission, where a signed-in client hands over mail (RFC 6409). */
    static final int SUBMISSION_PORT = 587;
    /** Plain SMTP, what a local relay without sign-in listens on. */
    static final int RELAY_PORT = 25;

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("MFA_SMTP_PORT must be between 1 and 65535");
        }
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException("MFA_SMTP_USER and MFA_SMTP_PASSWORD go together: set both or neither");
        }
    }

    /**
     * The settings with the operator's gaps filled: signing in implies the submission port and STARTTLS (a password
     * must not cross the network in clear), and mail comes from the user when that is an address, else no-reply@host.
     */
    public static SmtpSettings of(String host, OptionalInt port, Optional<String> user, Optional<String> password,
                                  Optional<String> from, Optional<Boolean> startTls) {
        boolean signsIn = user.isPresent();
        String sender = from.or(() -> user.filter(u -> u.contains("@"))).orElse("no-reply@" + host);
        return new SmtpSettings(host, port.orElse(signsIn ? SUBMISSION_PORT : RELAY_PORT), user.orElse(null),
                password.orElse(null), sender, startTls.orElse(signsIn));
    }

    public boolean signsIn() {
        return user != null;
    }

    /** Without the password, which must never reach a log. */
    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + (signsIn() ? " as " + user : "") + ", from " + from
                + (startTls ? ", STARTTLS required" : "") + "]";
    }
}
