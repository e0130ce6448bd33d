package dev.workspace.mfa.core.crypto;

import dev.workspace.mfa.core.config.MfaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The server's master key and the purpose keys derived from it (HMAC-SHA-256 of the purpose name), so a key
 * serves one purpose only. All nodes of a cluster must share the master key: give them the same {@code MFA_SECRET_KEY}
 * (32 random bytes, Base64) or the same data directory.
 */
@ApplicationScoped
public class ServerKeys {

    static final String KEY_FILE = "secret.key";
    private static final int KEY_BYTES = 32;

    @Inject
    private MfaSettings settings;

    private byte[] master;

    /** The AES-256 key that encrypts TOTP secrets. */
    public SecretKeySpec totpSecretKey() {
        return new SecretKeySpec(derive("totp-secret-encryption"), "AES");
    }

    /** The AES-256 key that encrypts recovery codes, kept only where the workspace lets people see them again. */
    public SecretKeySpec recoveryCodeEncryptionKey() {
        return new SecretKeySpec(derive("recovery-code-encryption"), "AES");
    }

    /** The HMAC-SHA-256 key of recovery-code hashes. */
    public SecretKeySpec recoveryCodeKey() {
        return new SecretKeySpec(derive("recovery-code-hash"), "HmacSHA256");
    }

    /** The HMAC-SHA-256 key that turns emails into the keys of sign-in failure counters. */
    public SecretKeySpec throttleKey() {
        return new SecretKeySpec(derive("sign-in-throttle"), "HmacSHA256");
    }

    /** The HMAC-SHA-256 key of the codes sent by email or SMS. */
    public SecretKeySpec oneTimeCodeKey() {
        return new SecretKeySpec(derive("one-time-code-hash"), "HmacSHA256");
    }

    /** The HMAC-SHA-256 key that seals step-up grants, so only core can make one. */
    public SecretKeySpec stepUpKey() {
        return new SecretKeySpec(derive("step-up-grant"), "HmacSHA256");
    }

    /** The HMAC-SHA-256 key of the tokens in emailed links (invitations, password resets). */
    public SecretKeySpec linkTokenKey() {
        return new SecretKeySpec(derive("account-link-token"), "HmacSHA256");
    }

    /** The HMAC-SHA-256 key of personal API tokens. */
    public SecretKeySpec apiTokenKey() {
        return new SecretKeySpec(derive("api-token"), "HmacSHA256");
    }

    /** The HMAC-SHA-256 key of remembered-device tokens. */
    public SecretKeySpec rememberedDeviceKey() {
        return new SecretKeySpec(derive("remembered-device"), "HmacSHA256");
    }

    private byte[] derive(String purpose) {
        return KeyedHash.of(new SecretKeySpec(master(), "HmacSHA256"), purpose);
    }

    private synchronized byte[] master() {
        if (master == null) {
            master = settings.secretKey().map(ServerKeys::decodeConfigured).orElseGet(this::loadOrCreateKeyFile);
        }
        return master;
    }

    private static byte[] decodeConfigured(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("MFA_SECRET_KEY is not Base64");
        }
        if (key.length < KEY_BYTES) {
            throw new IllegalStateException("MFA_SECRET_KEY must hold at least 32 bytes (44 Base64 characters)");
        }
        return key;
    }

    private byte[] loadOrCreateKeyFile() {
        Path file = settings.dataDirectory().resolve(KEY_FILE);
        try {
            Optional<byte[]> existing = read(file);
            if (existing.isPresent()) {
                return existing.get();
            }
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            // Written aside, then linked into place in one step: nobody ever reads a half-written key, and of two
            // nodes starting together on one data directory the second keeps the first one's key (a link, unlike a
            // rename, never replaces an existing file).
            Path draft = Files.createTempFile(file.getParent(), KEY_FILE, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(draft, Base64.getEncoder().encodeToString(key) + System.lineSeparator());
                Files.createLink(file, draft);
                return key;
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                return read(file).orElseThrow(() -> new IllegalStateException(file + " is empty"));
            } finally {
                Files.deleteIfExists(draft);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file, e);
        }
    }

    private static Optional<byte[]> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file).trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(decodeConfigured(text));
    }
}
