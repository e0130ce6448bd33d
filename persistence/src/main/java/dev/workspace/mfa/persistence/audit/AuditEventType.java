package dev.workspace.mfa.persistence.audit;

/** The kinds of event in the audit trail (docs/security.md#audit); stored by name. */
public enum AuditEventType {
    ACCOUNT_CREATED,
    SIGN_IN_SUCCEEDED,
    SIGN_IN_FAILED,
    /** The password was right and a second step follows; SIGN_IN_SUCCEEDED would claim too much. */
    PASSWORD_ACCEPTED,
    PASSWORD_LOCKOUT,
    /** Too many password failures from one client address: sign-in from it is paused. */
    ADDRESS_BLOCKED,
    SECOND_FACTOR_SUCCEEDED,
    SECOND_FACTOR_FAILED,
    SECOND_FACTOR_LOCKOUT,
    TWO_FACTOR_ENABLED,
    TWO_FACTOR_DISABLED,
    RECOVERY_CODES_REGENERATED,
    RECOVERY_CODES_VIEWED,
    RECOVERY_CODE_USED,
    STEP_UP_SUCCEEDED,
    STEP_UP_FAILED,
    PASSWORD_CHANGED,
    /** A person ended their other sessions. */
    SESSIONS_ENDED,
    TWO_FACTOR_METHOD_CHANGED,
    AUTHENTICATOR_REPLACED,
    CODE_SENT,
    CODE_NOT_SENT,
    CODE_SENDING_LIMITED,
    NOTIFICATION_SENT,
    NOTIFICATION_FAILED,
    ACCOUNT_UPDATED,
    ACCOUNT_DEACTIVATED,
    ACCOUNT_REACTIVATED,
    /** An admin cleared a person's password and second-factor lockouts. */
    ACCOUNT_UNLOCKED,
    /** An admin removed every second-factor credential and recovery code of a person (the emergency reset). */
    TWO_FACTOR_RESET,
    INVITATION_SENT,
    PASSWORD_RESET_REQUESTED,
    GROUP_CREATED,
    GROUP_RENAMED,
    GROUP_DELETED,
    API_TOKEN_CREATED,
    API_TOKEN_REVOKED,
    POLICY_CHANGED,
    /** "Don't ask again on this device": the browser may skip the second step until it expires. */
    DEVICE_REMEMBERED,
    /** The second step was skipped on a remembered device (the password was asked). */
    REMEMBERED_DEVICE_USED,
    DEVICES_FORGOTTEN,
    /** The company directory was read and our directory people brought in line with it. */
    DIRECTORY_SYNCED
}
