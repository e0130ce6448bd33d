package dev.workspace.mfa.web.security;

import dev.workspace.mfa.core.verification.CodeKind;
import jakarta.security.enterprise.credential.Credential;

/** What the second-step page hands the sign-in mechanism: a code, and whether it is a recovery code. */
public record SecondFactorCredential(CodeKind kind, String code) implements Credential {
}
