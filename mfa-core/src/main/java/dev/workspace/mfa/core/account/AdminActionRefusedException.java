package dev.workspace.mfa.core.account;

import jakarta.ejb.ApplicationException;

/**
 * An admin's change to someone's account broke a rule that protects people; {@link #reason()} says which, for a
 * message the admin can act on.
 */
@ApplicationException(rollback = true)
public class AdminActionRefusedException extends RuntimeException {

    public enum Reason {
        /** No such person (or group, or token). */
        NOT_FOUND,
        /** The change would leave the workspace without an active owner. */
        LAST_OWNER,
        /** Only an owner may grant or take the owner role, or change an owner's account. */
        OWNER_ONLY,
        /** An admin does not reset or deactivate their own account here (the person's own pages do that, with step-up). */
        OWN_ACCOUNT,
        /** The typed confirmation (the person's email) does not match. */
        CONFIRMATION_MISMATCH,
        /** A group with that name exists already. */
        NAME_TAKEN,
        /** A group or token name that is empty or too long. */
        INVALID_NAME,
        /** A role other than owner, admin and user. */
        INVALID_ROLE,
        /** A second-factor method other than TOTP, EMAIL and SMS. */
        INVALID_METHOD,
        /** An audit event type that does not exist. */
        INVALID_EVENT_TYPE,
        /** An invitation for someone who has signed in already: they use Forgot password? instead. */
        ALREADY_SIGNED_IN,
        /** A policy outside its bounds (grace or remember-device days, no allowed method, an unknown method). */
        INVALID_POLICY,
        /** An owner without two-factor authentication switching a requirement on. */
        OWNER_NEEDS_TWO_FACTOR
    }

    private final Reason reason;

    public AdminActionRefusedException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
