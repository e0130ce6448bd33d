package dev.workspace.mfa.core.policy;

import java.time.Instant;

/**
 * What the policy asks of one person at one instant. {@code deadline} is set when 2FA is required: before it the person
 * may still skip setting it up (a grace period), from it on they may not.
 */
public record TwoFactorRequirement(Level level, Instant deadline) {

    public enum Level {
        /** Nothing to ask: 2FA is on, or the person declined the suggestion. */
        NOT_REQUIRED,
        /** Offered on sign-in, may be skipped. */
        SUGGESTED,
        /** Required by {@code deadline}, which has not passed. */
        REQUIRED_BY_DEADLINE,
        /** Required now: no page but enrollment opens until it is set up. */
        REQUIRED_NOW
    }

    static TwoFactorRequirement notRequired() {
        return new TwoFactorRequirement(Level.NOT_REQUIRED, null);
    }

    static TwoFactorRequirement suggested() {
        return new TwoFactorRequirement(Level.SUGGESTED, null);
    }

    /** True when 2FA may not be turned off: a rule covers the person, whatever its deadline. */
    public boolean required() {
        return level == Level.REQUIRED_BY_DEADLINE || level == Level.REQUIRED_NOW;
    }
}
