/**
 * Throttling of guesses across sessions and nodes (docs/security.md, "Lockout"): {@link
 * dev.workspace.mfa.core.throttle.LockoutRule} (10 consecutive failures lock a step for 15 minutes) and {@link
 * dev.workspace.mfa.core.throttle.AddressLimit} (100 password failures from one client address in 15 minutes block that
 * address) are the rules; {@link dev.workspace.mfa.core.throttle.ThrottleCounters} keeps the password step's counters
 * in the database, for unknown emails exactly as for known ones.
 */
package dev.workspace.mfa.core.throttle;
