package dev.workspace.mfa.core.password;

/**
 * Argon2id cost parameters. {@link #CURRENT} is the rule of docs/security.md#passwords: m = 7168 KiB, t = 5, p = 1,
 * 16-byte salt, 32-byte hash (OWASP's m=7 MiB, t=5 profile).
 */
public record Argon2Parameters(int memoryKiB, int iterations, int parallelism, int saltLength, int hashLength) {

    public static final Argon2Parameters CURRENT = new Argon2Parameters(7168, 5, 1, 16, 32);
}
