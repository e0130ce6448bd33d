package dev.workspace.mfa.admin.tokens;

import java.io.Serializable;
import java.time.Instant;

/** A personal API token as its owner sees it in the console: never the token itself after creation. */
public record ApiTokenView(long id, String name, Instant created, Instant expires, Instant lastUsed, Instant revoked,
                           boolean usable) implements Serializable {
}
