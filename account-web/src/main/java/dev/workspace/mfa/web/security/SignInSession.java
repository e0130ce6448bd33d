package dev.workspace.mfa.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.time.Clock;
import java.util.Optional;

/**
 * The sign-in state held in the HTTP session: the signed-in user and the page to return to.
 * Only paths taken from this server's own request URIs are stored, so a return can never leave the site.
 */
public final class SignInSession {

    static final String SIGNED_IN_USER = "mfa.signedInUser";
    static final String RETURN_PATH = "mfa.returnPath";
    /** Long enough for any of our URLs; a longer one is not worth returning to. */
    private static final int MAX_RETURN_PATH = 2048;

    private SignInSession() {
    }

    /** The signed-in user, or empty; a session past its absolute age is ended here. */
    public static Optional<SignedInUser> signedInUser(HttpServletRequest request, Clock clock) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SIGNED_IN_USER) instanceof SignedInUser user)) {
            return Optional.empty();
        }
        if (user.expiredAt(clock.instant())) {
            session.invalidate();
            return Optional.empty();
        }
        return Optional.of(user);
    }

    /** Completes sign-in: a new session id (no fixation), then the user on it. */
    static void signIn(HttpServletRequest request, SignedInUser user) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(SIGNED_IN_USER, user);
    }

    /** Remembers the protected page that was asked for (a GET), to go there after sign-in. */
    static void rememberReturnPath(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null) {
            path += "?" + request.getQueryString();
        }
        if (isSameOriginPath(path) && path.length() <= MAX_RETURN_PATH) {
            request.getSession(true).setAttribute(RETURN_PATH, path);
        }
    }

    /** The remembered page, once; "/" when there is none. Relative to the context path. */
    public static String takeReturnPath(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(RETURN_PATH) instanceof String path)) {
            return "/";
        }
        session.removeAttribute(RETURN_PATH);
        return isSameOriginPath(path) ? path : "/";
    }

    /** A path on this site: starts with one slash, not "//" or "/\" (which browsers read as another host). */
    static boolean isSameOriginPath(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")
                && path.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
