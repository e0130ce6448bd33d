/**
 * The seam between the second-factor use cases and the kinds of second factor: {@link
 * dev.workspace.mfa.core.method.TwoFactorMethod} with its enrollment, challenge and verification, implemented by the
 * sibling packages {@code totp}, {@code email} and {@code sms} (sent codes share {@code code}). Rules of one method
 * (replay, expiry, tries) live in its package; rules of every method (lockout, step-up) live in the callers.
 */
package dev.workspace.mfa.core.method;
