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
        // Outside these years there are no events; bounding them keeps every database's timestamp range.
        from = from == null ? null : clamp(from);
        to = to == null ? null : clamp(to);
        page = Math.max(0, page);
        size = size <= 0 ? 50 : Math.min(size, MAX_SIZE);
    }

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private static Instant clamp(Instant instant) {
        return instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
    }
}
