/**
 * Throttling of guesses and of code sending across sessions and nodes (docs/security.md, "Lockout"): {@link
 * dev.workspace.mfa.core.throttle.LockoutRule} (10 consecutive failures lock for 15 minutes, for the password and,
 * separately, the second factor) and {@link dev.workspace.mfa.core.throttle.WindowLimit} (per client address and per
 * person caps on failures and on codes sent) are the rules; {@link dev.workspace.mfa.core.throttle.Throttle} is the one
 * place that counts, in database rows, for unknown emails exactly as for known ones.
 */
package dev.workspace.mfa.core.throttle;
