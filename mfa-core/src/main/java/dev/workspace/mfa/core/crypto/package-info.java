/**
 * Keys kept outside the database and what they protect: AES-GCM encryption of TOTP secrets and HMAC-SHA-256 keyed
 * hashes of recovery codes. The master key comes from {@code MFA_SECRET_KEY} or the data directory's {@code secret.key}
 * (created once, mode 0600); it is never logged.
 */
package dev.workspace.mfa.core.crypto;
