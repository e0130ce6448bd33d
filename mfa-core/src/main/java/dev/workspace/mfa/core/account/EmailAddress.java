package dev.workspace.mfa.core.account;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Email addresses as the workspace compares them: trimmed and lower-cased, so {@code Ann@Example.org} and
 * {@code ann@example.org} are one account. Validity is the practical subset of RFC 5321 that HTML's
 * {@code type="email"} also accepts, at most 254 characters.
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;

    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private EmailAddress() {
    }

    public static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String email) {
        String normalized = normalize(email);
        return normalized.length() <= MAX_LENGTH && SHAPE.matcher(normalized).matches();
    }
}
