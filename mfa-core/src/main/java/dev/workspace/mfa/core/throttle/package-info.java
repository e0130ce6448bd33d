/**
 * Throttling of guesses, per account and across nodes: docs/security.md#lockout, "10 consecutive failures lock for 15 minutes".
 * {@link dev.workspace.mfa.core.throttle.LockoutRule} is the rule; callers keep its state in the database.
 */
package dev.workspace.mfa.core.throttle;
