package dev.workspace.mfa.core.totp;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.OptionalLong;

/**
 * RFC 6238 time-based one-time passwords on top of RFC 4226 HOTP. The product issues SHA-1, 6 digits, 30 s
 * ({@link #STANDARD}), the only profile every authenticator app honours; other profiles exist for the RFC vectors.
 */
public record Totp(String algorithm, int digits, long periodSeconds) {

    public static final Totp STANDARD = new Totp("HmacSHA1", 6, 30);
    /** A code of the previous or next step is accepted too (RFC 6238 §5.2: one step of network delay; docs/security.md#totp). */
    public static final int ACCEPTED_STEPS_EACH_SIDE = 1;
    /** RFC 4226 R6 recommends 160 bits, the SHA-1 output length. */
    public static final int SECRET_BYTES = 20;

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    public Totp {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("digits must be 6 to 8");
        }
    }

    public static byte[] newSecret(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    /** The time step of a Unix time: T = floor((t - T0) / X) with T0 = 0. */
    public long step(long epochSeconds) {
        return Math.floorDiv(epochSeconds, periodSeconds);
    }

    /** The code of one step, zero-padded to {@link #digits()}. */
    public String code(byte[] secret, long step) {
        return hotp(secret, step);
    }

    /** RFC 4226 §5.3: HMAC of the 8-byte big-endian counter, dynamic truncation, modulo 10^digits. */
    public String hotp(byte[] secret, long counter) {
        byte[] hash = hmac(secret, counter);
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The step whose code matches, among now-1..now+1, that is later than {@code lastAcceptedStep}: a code is accepted
     * once and never again, nor any earlier one (RFC 6238 §5.2). Empty when nothing matches.
     */
    public OptionalLong matchingStep(byte[] secret, String candidate, long epochSeconds, long lastAcceptedStep) {
        if (candidate == null || candidate.length() != digits || !candidate.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long now = step(epochSeconds);
        long match = Long.MIN_VALUE;
        // Every step of the window is computed and compared in constant time, so timing tells nothing of which matched.
        for (long step = now - ACCEPTED_STEPS_EACH_SIDE; step <= now + ACCEPTED_STEPS_EACH_SIDE; step++) {
            boolean equal = MessageDigest.isEqual(code(secret, step).getBytes(), candidate.getBytes());
            if (equal && step > lastAcceptedStep && match == Long.MIN_VALUE) {
                match = step;
            }
        }
        return match == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(match);
    }

    private byte[] hmac(byte[] secret, long counter) {
        byte[] message = new byte[8];
        for (int i = 7; i >= 0; i--) {
            message[i] = (byte) (counter & 0xff);
            counter >>>= 8;
        }
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC " + algorithm + " is not available", e);
        }
    }
}
