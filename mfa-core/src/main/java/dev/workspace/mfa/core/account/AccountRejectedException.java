package dev.workspace.mfa.core.account;

import jakarta.ejb.ApplicationException;

/** A new account broke a rule; {@link #reason()} says which, for a message the person can act on. */
@ApplicationException(rollback = true)
public class AccountRejectedException extends RuntimeException {

    /** Why an account cannot be created. */
    public enum Reason { INVALID_EMAIL, EMAIL_TAKEN, INVALID_DISPLAY_NAME, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_SAME_AS_EMAIL, PASSWORD_UNCHANGED,
        /** The password was replaced meanwhile (a second tab, a double click): there is nothing to replace. */
        NOT_TEMPORARY,
        /** An emailed link that is unknown, used or expired. */
        LINK_NOT_USABLE,
        /** The current password given to change it was wrong. */
        WRONG_PASSWORD,
        /** A directory person's password is the company directory's: it is changed there, never here. */
        DIRECTORY_PASSWORD }

    private final Reason reason;

    public AccountRejectedException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
