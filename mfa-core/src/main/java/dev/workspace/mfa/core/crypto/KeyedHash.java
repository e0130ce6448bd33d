package dev.workspace.mfa.core.crypto;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** HMAC-SHA-256, the one place the application computes it, and the comparison of hex digests in constant time. */
public final class KeyedHash {

    private KeyedHash() {
    }

    public static byte[] of(SecretKey key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static String hex(SecretKey key, String message) {
        return HexFormat.of().formatHex(of(key, message));
    }

    /** Takes as long for a near miss as for a far one. */
    public static boolean matches(String expectedHex, String actualHex) {
        return MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII),
                actualHex.getBytes(StandardCharsets.US_ASCII));
    }
}
