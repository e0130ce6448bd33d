package dev.workspace.mfa.web.signin;

import dev.workspace.mfa.core.signin.SignInResult;
import dev.workspace.mfa.web.faces.Messages;
import dev.workspace.mfa.web.security.SignInMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;

import java.io.IOException;
import java.time.Clock;

/** The email-and-password form of {@code /login}. */
@Named
@RequestScoped
public class LoginBean {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext facesContext;

    @Inject
    private Clock clock;

    private String email;
    private String password;

    /** Someone already signed in who opens /login goes home; "?signedOut" shows the confirmation. */
    public void onLoad() throws IOException {
        ExternalContext external = facesContext.getExternalContext();
        if (securityContext.getCallerPrincipal() != null) {
            external.redirect(external.getRequestContextPath() + "/");
            return;
        }
        if (external.getRequestParameterMap().containsKey("signedOut") && !facesContext.isPostback()) {
            Messages.info(facesContext, "login.signedOut");
        }
    }

    public void signIn() throws IOException {
        ExternalContext external = facesContext.getExternalContext();
        if (email == null || password == null) {
            // Fields missing from the post altogether (not sent empty): Faces does not validate what was not sent.
            Messages.error(facesContext, null, "login.invalid");
            external.setResponseStatus(400);
            return;
        }
        boolean done = SignInStep.submit(facesContext, securityContext,
                new UsernamePasswordCredential(email, new Password(password)));
        password = null;
        if (!done) {
            explainFailure((SignInResult) external.getRequestMap().get(SignInMechanism.PASSWORD_RESULT), external);
        }
    }

    private void explainFailure(SignInResult result, ExternalContext external) {
        if (result != null && result.outcome() == SignInResult.Outcome.LOCKED) {
            Messages.lockedUntil(facesContext, "login.locked", result.lockedUntil(), clock);
            external.setResponseStatus(429);
        } else if (result != null && result.outcome() == SignInResult.Outcome.ADDRESS_BLOCKED) {
            Messages.lockedUntil(facesContext, "login.addressBlocked", result.lockedUntil(), clock);
            external.setResponseStatus(429);
        } else if (result != null && result.outcome() == SignInResult.Outcome.DIRECTORY_UNAVAILABLE) {
            Messages.error(facesContext, null, "login.directoryUnavailable");
            external.setResponseStatus(503);
        } else {
            Messages.error(facesContext, null, "login.invalid");
            external.setResponseStatus(401);
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
