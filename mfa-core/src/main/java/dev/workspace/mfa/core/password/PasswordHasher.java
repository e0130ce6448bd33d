package dev.workspace.mfa.core.password;

/** Turns passwords into self-describing hashes and checks them. */
public interface PasswordHasher {

    /** A new hash with the current parameters and a fresh salt. */
    String hash(String password);

    /** True when the password matches; false for a wrong password or an unreadable hash. */
    boolean verify(String password, String encodedHash);

    /** Spends the work of one {@link #verify} and answers nothing: used when no account matches, so unknown emails cost the same time. */
    void verifyDecoy(String password);

    /** True when the hash was made with other parameters than the current ones. */
    boolean needsRehash(String encodedHash);
}
