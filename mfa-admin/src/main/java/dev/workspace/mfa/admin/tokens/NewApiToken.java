package dev.workspace.mfa.admin.tokens;

/** A token just created: {@code secret} is shown once and never stored. */
public record NewApiToken(ApiTokenView token, String secret) {
}
