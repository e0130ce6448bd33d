/**
 * The workspace policy as stored: one row per change, the newest in force. Lists (methods, group keys) are stored
 * separated by semicolons; times are UTC.
 */
package dev.workspace.mfa.persistence.policy;
