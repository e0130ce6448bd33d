/**
 * Failure counters of the password step that are not tied to an existing account: per normalised email (so unknown
 * emails lock exactly like known ones) and per client address. Kept in the database so every node counts the same.
 */
package dev.workspace.mfa.persistence.throttle;
