package dev.workspace.mfa.web.twofactor;

import dev.workspace.mfa.core.stepup.StepUpGrant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Where a page keeps the person's step-up grant between requests: in the session. Whether it still holds is core's
 * answer ({@link dev.workspace.mfa.core.stepup.StepUpService#holds}), and core checks it again on every sensitive change.
 */
final class StepUp {

    private static final String GRANT = "mfa.stepUpGrant";

    private StepUp() {
    }

    /** The grant kept in this session, or null. */
    static StepUpGrant current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(GRANT) instanceof StepUpGrant grant ? grant : null;
    }

    /**
     * Keeps the grant under a new session id: a session id that someone else learnt before the step-up (fixed in
     * advance, or read off a shared computer) does not carry the new rights. The session keeps its attributes, among
     * them the page's view state, so the form on the page goes on working.
     */
    static void keep(HttpServletRequest request, StepUpGrant grant) {
        request.getSession().setAttribute(GRANT, grant);
        request.changeSessionId();
    }

    static void revoke(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(GRANT);
        }
    }
}
