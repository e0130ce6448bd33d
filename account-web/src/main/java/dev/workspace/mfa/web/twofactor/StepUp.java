package dev.workspace.mfa.web.twofactor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * After the person proved who they are (password and a current code, or the password alone before they have a second
 * factor), sensitive changes need no new proof for 10 minutes (docs/security.md#step-up).
 */
final class StepUp {

    static final Duration VALIDITY = Duration.ofMinutes(10);
    private static final String UNTIL = "mfa.stepUpUntil";

    private StepUp() {
    }

    static boolean isValid(HttpServletRequest request, Clock clock) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(UNTIL) instanceof Instant until && clock.instant().isBefore(until);
    }

    /**
     * Gives the grant under a new session id: a session id that someone else learnt before the step-up (fixed in
     * advance, or read off a shared computer) does not carry the new rights. The session keeps its attributes, among
     * them the page's view state, so the form on the page goes on working.
     */
    static void grant(HttpServletRequest request, Clock clock) {
        request.getSession().setAttribute(UNTIL, clock.instant().plus(VALIDITY));
        request.changeSessionId();
    }

    static void revoke(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(UNTIL);
        }
    }
}
