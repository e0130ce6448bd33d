package dev.workspace.mfa.persistence.audit;

/** The kinds of event DESIGN §4 requires in the audit trail; stored by name. */
public enum AuditEventType {
    ACCOUNT_CREATED,
    SIGN_IN_SUCCEEDED,
    SIGN_IN_FAILED,
    PASSWORD_LOCKOUT
}
