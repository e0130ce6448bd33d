package dev.workspace.mfa.web.security;

import jakarta.security.enterprise.credential.Credential;

/** The password that replaces a temporary one, handed to {@link SignInMechanism} by {@code /login/new-password}. */
public record NewPasswordCredential(String newPassword) implements Credential {
}
