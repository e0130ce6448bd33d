package dev.workspace.mfa.core.notification;

import dev.workspace.mfa.core.audit.Client;

import java.time.Instant;

/**
 * A change to a person's security that they are told about by email. Fired as a CDI event inside the change's
 * transaction; {@link SecurityMail} sends it only once that transaction committed.
 *
 * @param detail what the message needs beyond the kind: the method, or the codes left
 * @param until  the end of a lock, or null
 */
public record SecurityNotice(Kind kind, long userId, Client client, Instant at, String detail, Instant until) {

    public SecurityNotice(Kind kind, long userId, Client client, Instant at, String detail) {
        this(kind, userId, client, at, detail, null);
    }

    public enum Kind {
        TWO_FACTOR_ENABLED, TWO_FACTOR_DISABLED, METHOD_CHANGED, AUTHENTICATOR_REPLACED, RECOVERY_CODES_REGENERATED,
        RECOVERY_CODE_USED, SECOND_FACTOR_LOCKED, TWO_FACTOR_RESET, ACCOUNT_UNLOCKED, PASSWORD_CHANGED,
        /** An admin created the account; the detail is the single-use link that sets the first password. */
        INVITATION,
        /** "Forgot password?"; the detail is the single-use link that sets a new password. */
        PASSWORD_RESET_LINK,
        /** "Forgot password?" from a directory person: no link, the password is changed in the company directory. */
        PASSWORD_IN_DIRECTORY;

        /** Kinds whose detail is a method's name, told in words. */
        boolean namesMethod() {
            return this == TWO_FACTOR_ENABLED || this == METHOD_CHANGED || this == AUTHENTICATOR_REPLACED;
        }

        /** Kinds that bring a link rather than report a change: no "if this was not you" footer. */
        boolean bringsLink() {
            return this == INVITATION || this == PASSWORD_RESET_LINK || this == PASSWORD_IN_DIRECTORY;
        }
    }
}
