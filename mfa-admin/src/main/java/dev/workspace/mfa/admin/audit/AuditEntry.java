package dev.workspace.mfa.admin.audit;

import java.io.Serializable;
import java.time.Instant;

/** One event of the audit log as admins read it. {@code actor} and {@code subject} are emails, or null. */
public record AuditEntry(long id, Instant time, String type, String actor, String subject, String clientAddress,
                         String detail) implements Serializable {
}
