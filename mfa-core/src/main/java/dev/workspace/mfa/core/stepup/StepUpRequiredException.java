package dev.workspace.mfa.core.stepup;

import jakarta.ejb.ApplicationException;

/** A sensitive operation was asked for without a step-up that still holds: nothing was changed. */
@ApplicationException(rollback = true)
public class StepUpRequiredException extends RuntimeException {

    public StepUpRequiredException() {
        super("a step-up of the last 10 minutes is needed", null, false, false);
    }
}
