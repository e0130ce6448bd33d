package dev.workspace.mfa.core.password;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PHC string format for Argon2id, e.g. {@code $argon2id$v=19$m=7168,t=5,p=1$<salt>$<hash>},
 * with unpadded standard Base64 as in the reference implementation.
 */
record PhcString(Argon2Parameters parameters, byte[] salt, byte[] hash) {

    static final int ARGON2_VERSION = 19;

    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,128})\\$([A-Za-z0-9+/]{11,128})");

    String encode() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=" + ARGON2_VERSION
                + "$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p=" + parameters.parallelism()
                + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Empty for anything that is not a well-formed Argon2id PHC string. */
    static Optional<PhcString> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            byte[] salt = Base64.getDecoder().decode(m.group(4));
            byte[] hash = Base64.getDecoder().decode(m.group(5));
            Argon2Parameters p = new Argon2Parameters(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), salt.length, hash.length);
            return Optional.of(new PhcString(p, salt, hash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
