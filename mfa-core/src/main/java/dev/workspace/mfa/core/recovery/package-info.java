/**
 * Recovery codes: ten codes of 16 Crockford Base32 characters (80 bits), shown as {@code XXXX-XXXX-XXXX-XXXX},
 * typed back in any case with or without spaces and hyphens, stored as HMAC-SHA-256 with a server key and a
 * per-person salt. The rules live in {@link dev.workspace.mfa.core.recovery.RecoveryCodes}.
 */
package dev.workspace.mfa.core.recovery;
