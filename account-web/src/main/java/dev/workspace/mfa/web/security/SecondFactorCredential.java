package dev.workspace.mfa.web.security;

import dev.workspace.mfa.core.verification.CodeKind;
import jakarta.security.enterprise.credential.Credential;

/**
 * What the second-step page hands the sign-in mechanism: a code, whether it is a recovery code, and whether the person
 * ticked "Don't ask again on this device".
 */
public record SecondFactorCredential(CodeKind kind, String code, boolean rememberDevice) implements Credential {
}
