package dev.workspace.mfa.admin.audit;

import java.io.Serializable;
import java.time.Instant;

/**
 * A filter on the audit log, newest first; every field is optional. {@code subject} and {@code actor} are emails
 * (the actor may also be {@code bootstrap-token}); {@code type} an event type's name; {@code from} inclusive,
 * {@code to} exclusive.
 */
public record AuditQuery(String subject, String actor, String type, Instant from, Instant to, int page, int size)
        implements Serializable {

    public static final int MAX_SIZE = 500;

    public AuditQuery {
        page = Math.max(0, page);
        size = size <= 0 ? 50 : Math.min(size, MAX_SIZE);
    }
}
