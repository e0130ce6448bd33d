/**
 * The audit log as admins read it: filtered pages, a streamed CSV export in constant memory, and the nightly retention
 * ({@code MFA_AUDIT_RETENTION_DAYS}, 400 by default). Access rule: reading is for {@code admin} and {@code owner}; the
 * log itself is append-only (core's {@code AuditLog}), nothing here changes an event.
 */
package dev.workspace.mfa.admin.audit;
