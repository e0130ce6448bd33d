/**
 * Accounts: who may sign in, with which roles, and the per-account counters that throttle sign-in.
 * Emails are stored normalised (trimmed, lower case) so that uniqueness is case-insensitive in every database.
 */
package dev.workspace.mfa.persistence.account;
