package dev.workspace.mfa.core.audit;

import dev.workspace.mfa.persistence.audit.AuditEventType;

/** Appends events to the audit trail, in the caller's transaction. */
public interface AuditLog {

    /**
     * @param actorId       who did it (null when nobody is signed in, e.g. a failed sign-in)
     * @param subjectId     whose account it concerns (null when no account matched)
     * @param subjectEmail  the email concerned, as typed for failures
     * @param clientAddress the client's IP address
     * @param detail        a short reason, never a secret
     */
    void record(AuditEventType type, Long actorId, Long subjectId, String subjectEmail, String clientAddress, String detail);

    /**
     * An event done by an admin, an owner or an API token on someone's account (or on none: subjectId null); a null
     * actor is the application itself (start-up).
     */
    void recordBy(Actor actor, AuditEventType type, Long subjectId, String subjectEmail, String clientAddress, String detail);
}
