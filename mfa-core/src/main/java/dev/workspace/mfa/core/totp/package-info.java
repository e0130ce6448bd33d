/**
 * Time-based one-time passwords: RFC 4226 HOTP, RFC 6238 TOTP, Base32 secrets and {@code otpauth://} key URIs.
 * The numbers of docs/security.md#totp (SHA-1, 6 digits, 30 s, T0 = 0, steps t-1..t+1, 20-byte secrets) live in {@link dev.workspace.mfa.core.totp.Totp}.
 */
package dev.workspace.mfa.core.totp;
