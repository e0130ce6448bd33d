package dev.workspace.mfa.core.verification;

/** What a person typed as their second factor: a code of their active method, or one of their recovery codes. */
public enum CodeKind {
    METHOD_CODE, RECOVERY_CODE
}
