package dev.workspace.mfa.core.stepup;

import dev.workspace.mfa.core.verification.CodeCheck;

/** The answer to a step-up: the check of the proof, and the grant when it was accepted. */
public record StepUpResult(CodeCheck check, StepUpGrant grant) {

    public boolean granted() {
        return grant != null;
    }
}
