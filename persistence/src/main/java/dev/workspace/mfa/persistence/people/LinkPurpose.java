package dev.workspace.mfa.persistence.people;

/** What an emailed link lets its holder do once. */
public enum LinkPurpose {
    /** Set the first password of an account an admin created. */
    INVITATION,
    /** Replace a forgotten password. */
    PASSWORD_RESET
}
