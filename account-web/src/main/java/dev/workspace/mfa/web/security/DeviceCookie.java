package dev.workspace.mfa.web.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The cookie of a remembered device: the token alone, for the whole site, out of reach of scripts, not sent on
 * cross-site requests other than top-level navigation, and only over HTTPS when the workspace is served over it (then
 * with the {@code __Host-} prefix, which browsers keep for Secure cookies of this very host).
 */
final class DeviceCookie {

    static final String NAME = "mfa_device";
    static final String SECURE_NAME = "__Host-" + NAME;

    private DeviceCookie() {
    }

    static Optional<String> read(HttpServletRequest request, boolean secure) {
        String name = secure ? SECURE_NAME : NAME;
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies).filter(c -> name.equals(c.getName()))
                .map(Cookie::getValue).filter(value -> !value.isBlank()).findFirst();
    }

    static void set(HttpServletResponse response, String token, Instant expiresAt, Instant now, boolean secure) {
        Cookie cookie = new Cookie(secure ? SECURE_NAME : NAME, token);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setAttribute("SameSite", "Lax");
        cookie.setMaxAge((int) Math.max(0, Duration.between(now, expiresAt).toSeconds()));
        response.addCookie(cookie);
    }
}
