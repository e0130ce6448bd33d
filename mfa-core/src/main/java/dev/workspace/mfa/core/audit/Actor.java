package dev.workspace.mfa.core.audit;

import java.io.Serializable;

/**
 * Who did something, as the audit trail names them: a person (their account id and email), or a named caller that is
 * no person, such as the bootstrap API token; {@code owner} tells whether they act with the owner role.
 */
public record Actor(Long accountId, String name, boolean owner) implements Serializable {

    /** The principal name of a caller authenticated by {@code MFA_BOOTSTRAP_API_TOKEN}; never a valid email. */
    public static final String BOOTSTRAP_TOKEN = "bootstrap-token";

    /** The company directory, when a sign-in or the sync creates or changes people and groups; never a valid email. */
    public static final Actor DIRECTORY = new Actor(null, "directory");

    public Actor(Long accountId, String name) {
        this(accountId, name, false);
    }

    public boolean is(long otherAccountId) {
        return accountId != null && accountId == otherAccountId;
    }
}
