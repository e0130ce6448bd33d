package dev.workspace.mfa.web.security;

import dev.workspace.mfa.core.config.MfaSettings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie behind HTTPS ({@code MFA_PUBLIC_URL} starting with {@code https://}, usually with TLS ended at a
 * proxy, so the container cannot tell by itself): Secure, and named {@code __Host-JSESSIONID} when the application is
 * at the root of its host, so that no other host or path can set or shadow it. web.xml holds the rest (HttpOnly,
 * SameSite=Lax); the container only lets these be changed while the application starts.
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

    static final String SECURE_NAME = "__Host-JSESSIONID";

    @Inject
    private MfaSettings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (!settings.servedOverHttps()) {
            return;
        }
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setSecure(true);
        if (event.getServletContext().getContextPath().isEmpty()) {
            cookie.setName(SECURE_NAME);
            cookie.setPath("/");
        }
    }
}
