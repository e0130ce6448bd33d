/**
 * The workspace policy and what it asks of each person: whether two-factor authentication is suggested, required by a
 * deadline or required now ({@link dev.workspace.mfa.core.policy.PolicyRules}). Rules that live here: a grace period
 * counts calendar days in the workspace's time zone from when the rule starts applying to a person, the strictest rule
 * (earliest deadline) wins, admins and owners need 2FA at once unless the owner turns that off, and an owner cannot
 * require 2FA while having none.
 */
package dev.workspace.mfa.core.policy;
