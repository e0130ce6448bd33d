package dev.workspace.mfa.web.signin;

import dev.workspace.mfa.web.security.SignInSession;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/**
 * What every sign-in page does with what the person typed: hand it to the sign-in mechanism, then go to the page
 * first asked for when the sign-in is complete, or leave the answer to the mechanism when it sent the person on to a
 * further step. Only a refusal is left for the page to explain.
 */
final class SignInStep {

    private SignInStep() {
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
