/**
 * Two-factor authentication as use cases: enrolling an authenticator app, checking a code or a recovery code at
 * sign-in (replay refused, 10 failures lock for 15 minutes), managing recovery codes, step-up, disabling.
 * Every second factor (TOTP today; email, SMS, WebAuthn later) is reached through {@link dev.workspace.mfa.core.secondfactor.TwoFactorService}.
 */
package dev.workspace.mfa.core.secondfactor;
