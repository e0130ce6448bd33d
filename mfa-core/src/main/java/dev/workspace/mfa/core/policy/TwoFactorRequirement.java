package dev.workspace.mfa.core.policy;

import java.io.Serializable;
import java.time.Instant;

/**
 * What the policy asks of one person at one instant. {@code deadline} is set when 2FA is required: before it the person
 * may still skip setting it up (a grace period), from it on they may not. {@code methodDisallowed}: the person's method
 * is one the policy no longer allows; it keeps working, and they are asked to choose another.
 */
public record TwoFactorRequirement(Level level, Instant deadline, boolean methodDisallowed) implements Serializable {

    public enum Level {
        /** Nothing to ask: 2FA is on, or the person declined the suggestion. */
        NOT_REQUIRED,
        /** Offered on sign-in, may be skipped. */
        SUGGESTED,
        /** Required by {@code deadline}, which has not passed. */
        REQUIRED_BY_DEADLINE,
        /** Required now: no page but enrollment opens until it is set up. */
        REQUIRED_NOW,
        /** Set up, and a rule covers the person: nothing to ask, but it may not be turned off. */
        KEPT_BY_RULE
    }

    /** True when 2FA may not be turned off: a rule covers the person, whatever its deadline. */
    public boolean required() {
        return level == Level.REQUIRED_BY_DEADLINE || level == Level.REQUIRED_NOW || level == Level.KEPT_BY_RULE;
    }

    /** True when the person has yet to set up 2FA, by {@code deadline}. */
    public boolean setUpRequired() {
        return level == Level.REQUIRED_BY_DEADLINE || level == Level.REQUIRED_NOW;
    }
}
