package dev.workspace.mfa.web.security;

import dev.workspace.mfa.core.config.MfaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Links put into emails. They start with {@code MFA_PUBLIC_URL} when it is set; otherwise with the address the admin's
 * own request came to (only admins' requests send links today, so a forged {@code Host} could only fool its sender).
 */
@ApplicationScoped
public class PublicLinks {

    public static final String SET_PASSWORD_PATH = "/login/set-password";

    @Inject
    private MfaSettings settings;

    /** The set-password page's address, ready for a token to be appended. */
    public String setPasswordBase(HttpServletRequest request) {
        String origin = settings.publicUrl().orElseGet(() -> request.getScheme() + "://" + request.getServerName()
                + (isDefaultPort(request) ? "" : ":" + request.getServerPort()) + request.getContextPath());
        return origin.replaceAll("/+$", "") + SET_PASSWORD_PATH + "?token=";
    }

    private static boolean isDefaultPort(HttpServletRequest request) {
        return ("http".equals(request.getScheme()) && request.getServerPort() == 80)
                || ("https".equals(request.getScheme()) && request.getServerPort() == 443);
    }
}
