package dev.workspace.mfa.core.secondfactor;

import jakarta.ejb.ApplicationException;

/** Two-factor authentication cannot be turned off while the workspace requires it. */
@ApplicationException(rollback = true)
public class TwoFactorRequiredException extends RuntimeException {

    public TwoFactorRequiredException() {
        super("two-factor authentication is required by the workspace");
    }
}
