package dev.workspace.mfa.core.password;

import java.util.Locale;
import java.util.Optional;

/**
 * What a new password must be: 12 to 256 characters, no composition rules (NIST SP 800-63B),
 * and not the local part of the person's own email address.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    /** Why a password is refused. */
    public enum Violation { TOO_SHORT, TOO_LONG, SAME_AS_EMAIL }

    private PasswordPolicy() {
    }

    /** The first rule the password breaks, or empty when it is acceptable. Length counts characters, not bytes. */
    public static Optional<Violation> check(String email, String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(Violation.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            return Optional.of(Violation.TOO_LONG);
        }
        String localPart = email == null ? "" : email.trim().split("@", 2)[0];
        if (!localPart.isEmpty() && password.trim().toLowerCase(Locale.ROOT).equals(localPart.toLowerCase(Locale.ROOT))) {
            return Optional.of(Violation.SAME_AS_EMAIL);
        }
        return Optional.empty();
    }
}
