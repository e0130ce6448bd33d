package dev.workspace.mfa.web.signin;

import dev.workspace.mfa.web.faces.Messages;
import dev.workspace.mfa.web.security.PendingSignIn;
import dev.workspace.mfa.web.security.SignInMechanism;
import dev.workspace.mfa.web.security.SignInSession;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Clock;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/**
 * What every sign-in page does with what the person typed: hand it to the sign-in mechanism, then go to the page
 * first asked for when the sign-in is complete, or leave the answer to the mechanism when it sent the person on to a
 * further step. Only a refusal is left for the page to explain.
 */
final class SignInStep {

    private SignInStep() {
    }

    /**
     * Back to the sign-in page with "Your sign-in took longer than 5 minutes": for a step page opened without a sign-in
     * waiting for it (none, expired, or one waiting for another step).
     */
    static void restart(FacesContext facesContext) throws IOException {
        ExternalContext external = facesContext.getExternalContext();
        external.getFlash().setKeepMessages(true);
        Messages.error(facesContext, null, "verify.expired");
        external.redirect(external.getRequestContextPath() + SignInMechanism.LOGIN_PATH);
        facesContext.responseComplete();
    }

    /** Stays on this step's page when a sign-in waits for it; starts the sign-in again otherwise. */
    static void requirePending(FacesContext facesContext, PendingSignIn.Step step, Clock clock) throws IOException {
        HttpServletRequest request = (HttpServletRequest) facesContext.getExternalContext().getRequest();
        if (SignInSession.pendingSignInAt(step, request, clock).isEmpty()) {
            restart(facesContext);
        }
    }

    /** True when the step succeeded and the response is decided; false when the page must explain a refusal. */
    static boolean submit(FacesContext facesContext, SecurityContext securityContext, Credential credential)
            throws IOException {
        ExternalContext external = facesContext.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true).credential(credential));
        switch (status) {
            case SUCCESS -> external.redirect(external.getRequestContextPath() + SignInSession.takeReturnPath(request));
            case SEND_CONTINUE -> facesContext.responseComplete();
            default -> {
                return false;
            }
        }
        return true;
    }
}
