package dev.workspace.mfa.web.security;

import dev.workspace.mfa.core.config.MfaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * Links put into emails. They start with {@code MFA_PUBLIC_URL}. Invitations sent by an admin may fall back to the
 * address the admin's own request came to (a forged {@code Host} could only fool its sender); "Forgot password?" links
 * never do, since anyone may ask for one and a forged {@code Host} would send a person's reset token elsewhere.
 */
@ApplicationScoped
public class PublicLinks {

    public static final String SET_PASSWORD_PATH = "/login/set-password";

    @Inject
    private MfaSettings settings;

    /** The set-password page's address for an admin's invitation, ready for a token to be appended. */
    public String setPasswordBase(HttpServletRequest request) {
        return withPath(settings.publicUrl().orElseGet(() -> request.getScheme() + "://" + request.getServerName()
                + (isDefaultPort(request) ? "" : ":" + request.getServerPort()) + request.getContextPath()));
    }

    /** The set-password page's address for a self-service reset; empty when MFA_PUBLIC_URL is not set. */
    public Optional<String> passwordResetBase() {
        return settings.publicUrl().map(PublicLinks::withPath);
    }

    private static String withPath(String origin) {
        return origin.replaceAll("/+$", "") + SET_PASSWORD_PATH + "?token=";
    }

    private static boolean isDefaultPort(HttpServletRequest request) {
        return ("http".equals(request.getScheme()) && request.getServerPort() == 80)
                || ("https".equals(request.getScheme()) && request.getServerPort() == 443);
    }
}
