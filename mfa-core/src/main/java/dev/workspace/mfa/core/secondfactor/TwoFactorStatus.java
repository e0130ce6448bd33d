package dev.workspace.mfa.core.secondfactor;

import dev.workspace.mfa.core.method.MethodDescription;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * What the security settings page shows: off, or on with a method, where its codes go (masked), since when, and
 * recovery codes left.
 */
public record TwoFactorStatus(boolean enabled, MethodDescription description, String sentTo, LocalDateTime since,
                              int recoveryCodesLeft, boolean requiredByWorkspace, boolean promptDismissed)
        implements Serializable {

    /** The active method, or null when two-factor authentication is off. */
    public SecondFactorMethod method() {
        return description == null ? null : description.method();
    }
}
