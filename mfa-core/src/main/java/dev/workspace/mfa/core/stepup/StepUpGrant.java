package dev.workspace.mfa.core.stepup;

import java.io.Serializable;
import java.time.Instant;

/**
 * Proof that a person confirmed who they are, a short while ago. Only {@link StepUpService} makes one, and it seals it
 * with a server key, so a grant cannot be made up or altered by a caller (or by whoever can write to a session
 * store); the sensitive operations take it as a parameter and ask {@link StepUpService#require} whether it still holds.
 */
public final class StepUpGrant implements Serializable {

    private final long userId;
    private final Instant validUntil;
    private final String seal;

    StepUpGrant(long userId, Instant validUntil, String seal) {
        this.userId = userId;
        this.validUntil = validUntil;
        this.seal = seal;
    }

    public long userId() {
        return userId;
    }

    public Instant validUntil() {
        return validUntil;
    }

    String seal() {
        return seal;
    }
}
