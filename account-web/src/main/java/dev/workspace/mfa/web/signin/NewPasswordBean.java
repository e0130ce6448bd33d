package dev.workspace.mfa.web.signin;

import dev.workspace.mfa.core.account.AccountRejectedException;
import dev.workspace.mfa.web.faces.Messages;
import dev.workspace.mfa.web.security.NewPasswordCredential;
import dev.workspace.mfa.web.security.PendingSignIn;
import dev.workspace.mfa.web.security.SignInMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.io.IOException;
import java.time.Clock;

/**
 * {@code /login/new-password}: after signing in with a temporary password, the person chooses their own before
 * anything else opens; the sign-in then goes on (second step, or the page first asked for).
 */
@Named
@RequestScoped
public class NewPasswordBean {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext facesContext;

    @Inject
    private Clock clock;

    private String password;
    private String confirmation;

    /** Only a sign-in that waits for a new password may see this page. */
    public void onLoad() throws IOException {
        SignInStep.requirePending(facesContext, PendingSignIn.Step.NEW_PASSWORD, clock);
    }

    public void save() throws IOException {
        ExternalContext external = facesContext.getExternalContext();
        if (password == null || !password.equals(confirmation)) {
            Messages.error(facesContext, "newPassword:confirmation", "newPassword.mismatch");
            external.setResponseStatus(400);
            return;
        }
        boolean done = SignInStep.submit(facesContext, securityContext, new NewPasswordCredential(password));
        password = null;
        confirmation = null;
        if (done) {
            return;
        }
        if (external.getRequestMap().get(SignInMechanism.NEW_PASSWORD_REFUSAL) instanceof AccountRejectedException.Reason reason) {
            Messages.error(facesContext, "newPassword:password", "newPassword." + reason.name());
            external.setResponseStatus(400);
        } else {
            SignInStep.restart(facesContext);
        }
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
