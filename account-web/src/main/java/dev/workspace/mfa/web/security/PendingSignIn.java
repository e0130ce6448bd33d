package dev.workspace.mfa.web.security;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/** A sign-in whose password step is done and whose second step is not: it grants nothing but the second-step page. */
public record PendingSignIn(long accountId, String email, Instant passwordAcceptedAt) implements Serializable {

    /** The second step must follow within 5 minutes (docs/security.md#sign-in). */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    public boolean expiredAt(Instant now) {
        return !now.isBefore(passwordAcceptedAt.plus(LIFETIME));
    }
}
