package dev.workspace.mfa.core.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable bearer tokens: 256 bits from {@link SecureRandom}, URL-safe Base64 without padding (43 characters). */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    public static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
