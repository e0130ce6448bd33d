package dev.workspace.mfa.core.password;

/** Turns passwords into self-describing hashes and checks them. */
public interface PasswordHasher {

    /** Stored for a person who has no password yet (imported without one): no password verifies against it. */
    String NO_PASSWORD = "!none";

    /** A new hash with the current parameters and a fresh salt. */
    String hash(String password);

    /** True when the password matches; false for a wrong password or an unreadable hash. */
    boolean verify(String password, String encodedHash);

    /** Spends the work of one {@link #verify} and answers nothing: used when no account matches, so unknown emails cost the same time. */
    void verifyDecoy(String password);

    /**
     * True for a hash brought from another system that {@link #verify} can check: an Argon2id PHC string, or bcrypt
     * ({@code $2a$}, {@code $2b$}, {@code $2y$}). It is replaced by a current hash at the first sign-in.
     */
    boolean isImportable(String encodedHash);

    /** True when the hash was made with other parameters than the current ones (or by another algorithm). */
    boolean needsRehash(String encodedHash);
}
