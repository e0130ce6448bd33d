package dev.workspace.mfa.admin.tokens;

import java.io.Serializable;
import java.time.Instant;

/** A personal API token as its owner sees it in the console: never the token itself after creation. */
public record ApiTokenView(long id, String name, Instant created, Instant expires, Instant lastUsed, Instant revoked,
                           State state) implements Serializable {

    /** ENDED: the owner's sessions ended after it was made (password changed, 2FA reset, signed out elsewhere...). */
    public enum State { ACTIVE, REVOKED, EXPIRED, ENDED }
}
