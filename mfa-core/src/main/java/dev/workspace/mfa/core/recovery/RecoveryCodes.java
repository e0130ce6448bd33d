package dev.workspace.mfa.core.recovery;

import dev.workspace.mfa.core.crypto.KeyedHash;

import javax.crypto.SecretKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Making, reading and hashing recovery codes (docs/security.md#recovery-codes: 10 codes, at least 80 bits each, keyed hashes). */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    public static final int LENGTH = 16;
    /** When this few remain, people are invited to make new ones. */
    public static final int FEW_LEFT = 3;
    /** Crockford's Base32: no I, L, O or U, so codes survive being read aloud and typed. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private RecoveryCodes() {
    }

    /** Ten fresh codes, formatted for reading, e.g. {@code 7KQ2-M9XD-4TPA-WF3H}. */
    public static List<String> generate(SecureRandom random) {
        List<String> codes = new ArrayList<>(COUNT);
        while (codes.size() < COUNT) {
            StringBuilder code = new StringBuilder(LENGTH + 3);
            for (int i = 0; i < LENGTH; i++) {
                if (i > 0 && i % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (!codes.contains(code.toString())) {
                codes.add(code.toString());
            }
        }
        return codes;
    }

    /**
     * The canonical form of what a person typed: upper case, without spaces or hyphens, with Crockford's look-alikes
     * read as digits (O as 0, I and L as 1). Empty when it cannot be a recovery code.
     */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String canonical = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT)
                .replace('O', '0').replace('I', '1').replace('L', '1');
        if (canonical.length() != LENGTH || !canonical.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(canonical);
    }

    /** HMAC-SHA-256(key, salt ":" canonical code), Base64: what the database keeps. */
    public static String hash(SecretKey key, String salt, String canonicalCode) {
        return Base64.getEncoder().encodeToString(KeyedHash.of(key, salt + ":" + canonicalCode));
    }

    public static String newSalt(SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return Base64.getEncoder().withoutPadding().encodeToString(salt);
    }
}
