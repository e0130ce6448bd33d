package dev.workspace.mfa.core.password;

import java.security.SecureRandom;

/**
 * Generated passwords that open nothing but the form replacing them: 20 characters from an alphabet without look-alikes
 * (no 0/O, 1/l/I), about 116 bits, easy to read out or type from a screen.
 */
public final class TemporaryPasswords {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {
    }

    public static String generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
