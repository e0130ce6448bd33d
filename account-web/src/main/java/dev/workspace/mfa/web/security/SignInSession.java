package dev.workspace.mfa.web.security;

import dev.workspace.mfa.core.account.AccountSummary;
import dev.workspace.mfa.core.method.Challenge;
import dev.workspace.mfa.core.policy.TwoFactorRequirement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.time.Clock;
import java.util.Collections;
import java.util.Optional;

/**
 * The sign-in state held in the HTTP session: the signed-in user, a sign-in waiting for its next step, and the page to
 * return to.
 * Only paths taken from this server's own request URIs are stored, so a return can never leave the site.
 */
public final class SignInSession {

    static final String SIGNED_IN_USER = "mfa.signedInUser";
    static final String RETURN_PATH = "mfa.returnPath";
    static final String PENDING = "mfa.pendingSignIn";
    static final String RECOVERY_CODES_LEFT = "mfa.recoveryCodesLeft";
    static final String CHALLENGE = "mfa.signInChallenge";
    /** Long enough for any of our URLs; a longer one is not worth returning to. */
    private static final int MAX_RETURN_PATH = 2048;

    private SignInSession() {
    }

    /** The signed-in user, or empty; a session past its absolute age is ended here. */
    public static Optional<SignedInUser> signedInUser(HttpServletRequest request, Clock clock) {
        HttpSession session = cookieSession(request);
        if (session == null || !(session.getAttribute(SIGNED_IN_USER) instanceof SignedInUser user)) {
            return Optional.empty();
        }
        if (user.expiredAt(clock.instant())) {
            session.invalidate();
            return Optional.empty();
        }
        return Optional.of(user);
    }

    /** Completes sign-in: a new session id (no fixation) holding the user; any pending step is over. */
    static void signIn(HttpServletRequest request, SignedInUser user) {
        rotate(request).setAttribute(SIGNED_IN_USER, user);
    }

    /** A step of sign-in is done and another must follow: a new session id, holding only the pending state. */
    static void beginStep(HttpServletRequest request, PendingSignIn pending) {
        rotate(request).setAttribute(PENDING, pending);
    }

    /**
     * After a change that ended the account's other sessions (its session generation went up), this session, which
     * made the change, stays signed in.
     */
    static void keepSignedIn(HttpServletRequest request, SignedInUser user, AccountSummary account,
                             TwoFactorRequirement requirement) {
        request.getSession().setAttribute(SIGNED_IN_USER, user.renewedFor(account, requirement));
    }

    /** Ends the session: signed out here, whatever it held. */
    static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /** The sign-in waiting for its next step, or empty; one past its 5 minutes is forgotten here. */
    public static Optional<PendingSignIn> pendingSignIn(HttpServletRequest request, Clock clock) {
        HttpSession session = cookieSession(request);
        if (session == null || !(session.getAttribute(PENDING) instanceof PendingSignIn pending)) {
            return Optional.empty();
        }
        if (pending.expiredAt(clock.instant())) {
            session.removeAttribute(PENDING);
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    /** The sign-in waiting for exactly this step, or empty: no step can be taken in another's place. */
    public static Optional<PendingSignIn> pendingSignInAt(PendingSignIn.Step step, HttpServletRequest request, Clock clock) {
        return pendingSignIn(request, clock).filter(pending -> pending.next() == step);
    }

    /** "Resend code": the pending second step names the method the new code went by (it may have changed). */
    public static void noteResent(HttpServletRequest request, PendingSignIn pending, Challenge challenge) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(PENDING, pending.challengedBy(challenge));
        }
    }

    /** What happened when the sign-in code was sent, told once on the second step's page. */
    static void noteChallenge(HttpServletRequest request, Challenge challenge) {
        request.getSession().setAttribute(CHALLENGE, challenge);
    }

    public static Optional<Challenge> takeChallenge(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(CHALLENGE) instanceof Challenge challenge)) {
            return Optional.empty();
        }
        session.removeAttribute(CHALLENGE);
        return Optional.of(challenge);
    }

    /** After a sign-in with a recovery code: how many are left, told once on the next page. */
    static void noteRecoveryCodesLeft(HttpServletRequest request, int left) {
        request.getSession().setAttribute(RECOVERY_CODES_LEFT, left);
    }

    public static Optional<Integer> takeRecoveryCodesLeft(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(RECOVERY_CODES_LEFT) instanceof Integer left)) {
            return Optional.empty();
        }
        session.removeAttribute(RECOVERY_CODES_LEFT);
        return Optional.of(left);
    }

    /**
     * A new session id, and nothing of what the session held before except the page to return to: a step-up,
     * a snoozed prompt or a half-done enrollment of whoever used this browser before must not carry over.
     */
    private static HttpSession rotate(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        for (String name : Collections.list(session.getAttributeNames())) {
            if (!RETURN_PATH.equals(name)) {
                session.removeAttribute(name);
            }
        }
        return session;
    }

    /**
     * The request's session, unless its id came in the URL: sessions travel in the cookie only, so a link carrying
     * someone's session id opens nothing (the request itself is then refused by {@link RequestGuardFilter}).
     */
    private static HttpSession cookieSession(HttpServletRequest request) {
        return request.isRequestedSessionIdFromURL() ? null : request.getSession(false);
    }

    /** Remembers the protected page that was asked for (a GET), to go there after sign-in. */
    static void rememberReturnPath(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.isRequestedSessionIdFromURL()) {
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
