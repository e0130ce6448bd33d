/**
 * Two-factor authentication as a person's use cases: choosing a method, switching, a new phone, the sign-in check,
 * recovery codes, turning it off ({@link dev.workspace.mfa.core.secondfactor.TwoFactorService},
 * {@link dev.workspace.mfa.core.secondfactor.RecoveryCodeService}). Rules that live here: exactly one active method,
 * changes only with a valid step-up grant, changes end the person's other sessions and are emailed to them.
 */
package dev.workspace.mfa.core.secondfactor;
