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
        RECOVERY_CODE_USED, SECOND_FACTOR_LOCKED
    }
}
