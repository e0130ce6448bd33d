/**
 * The append-only audit trail: one row per security-relevant event, never updated or deleted.
 */
package dev.workspace.mfa.persistence.audit;
