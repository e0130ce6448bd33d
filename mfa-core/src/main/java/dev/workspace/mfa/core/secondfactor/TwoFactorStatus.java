package dev.workspace.mfa.core.secondfactor;

import dev.workspace.mfa.core.method.MethodDescription;
import dev.workspace.mfa.core.policy.TwoFactorRequirement;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * What the security settings page shows: off, or on with a method, where its codes go (masked), since when, and
 * recovery codes left; what the workspace policy asks of the person, and whether their method is one the policy no
 * longer allows (it keeps working, and they are asked to replace it).
 */
public record TwoFactorStatus(boolean enabled, MethodDescription description, String sentTo, LocalDateTime since,
                              int recoveryCodesLeft, TwoFactorRequirement requirement) implements Serializable {

    /** 2FA may not be turned off: a rule of the workspace policy covers the person. */
    public boolean requiredByWorkspace() {
        return requirement.required();
    }

    /** The person's method is one the policy no longer allows: it works, and they are asked to replace it. */
    public boolean methodDisallowed() {
        return requirement.methodDisallowed();
    }

    /** The active method, or null when two-factor authentication is off. */
    public SecondFactorMethod method() {
        return description == null ? null : description.method();
    }
}
