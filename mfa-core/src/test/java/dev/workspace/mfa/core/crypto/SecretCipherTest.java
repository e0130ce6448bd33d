package dev.workspace.mfa.core.crypto;

import org.junit.jupiter.api.Test;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecretCipherTest {

    private static final SecretKeySpec KEY = new SecretKeySpec(new byte[32], "AES");
    private static final byte[] SECRET = "twenty bytes secret!".getBytes(StandardCharsets.US_ASCII);

    @Test
    void opensWithTheSameKeyAndContextOnly() {
        String sealed = SecretCipher.encrypt(KEY, SECRET, "totp-secret:1");
        assertArrayEquals(SECRET, SecretCipher.decrypt(KEY, sealed, "totp-secret:1"));
        assertThrows(IllegalStateException.class, () -> SecretCipher.decrypt(KEY, sealed, "totp-secret:2"));
        byte[] other = new byte[32];
        other[0] = 1;
        assertThrows(IllegalStateException.class, () -> SecretCipher.decrypt(new SecretKeySpec(other, "AES"), sealed, "totp-secret:1"));
    }

    /** Whatever a damaged row holds, the one documented exception: callers turn it into a refusal. */
    @Test
    void anyDamagedValueFailsWithIllegalStateException() {
        String sealed = SecretCipher.encrypt(KEY, SECRET, "c");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        for (String damaged : List.of("v1:" + Base64.getEncoder().encodeToString(bytes), "v1:", "v1:AAAA",
                "v1:not Base64!", sealed.substring(0, 20), "v2:" + sealed.substring(3), "JBSWY3DPEHPK3PXP")) {
            assertThrows(IllegalStateException.class, () -> SecretCipher.decrypt(KEY, damaged, "c"), damaged);
        }
        assertThrows(IllegalStateException.class, () -> SecretCipher.decrypt(KEY, null, "c"));
    }
}
