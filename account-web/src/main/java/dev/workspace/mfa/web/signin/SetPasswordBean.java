package dev.workspace.mfa.web.signin;

import dev.workspace.mfa.core.account.AccountRejectedException;
import dev.workspace.mfa.core.account.PasswordLinks;
import dev.workspace.mfa.web.faces.Messages;
import dev.workspace.mfa.web.security.ClientAddress;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;

/**
 * {@code /login/set-password?token=…}: the page an invitation or a "Forgot password?" email links to. It names whose
 * password is set, takes the new one twice, and sends the person to sign in (with their second factor, if any).
 */
@Named
@ViewScoped
public class SetPasswordBean implements Serializable {

    @Inject
    private PasswordLinks links;

    @Inject
    private ClientAddress clientAddress;

    @Inject
    private FacesContext facesContext;

    private String token;
    private PasswordLinks.LinkHolder holder;
    private boolean done;
    private String password;
    private String confirmation;

    public void onLoad() {
        token = facesContext.getExternalContext().getRequestParameterMap().get("token");
        holder = links.check(token).orElse(null);
        if (holder == null) {
            facesContext.getExternalContext().setResponseStatus(404);
        }
    }

    public void save() {
        ExternalContext external = facesContext.getExternalContext();
        if (password == null || !password.equals(confirmation)) {
            Messages.error(facesContext, "setPassword:confirmation", "newPassword.mismatch");
            external.setResponseStatus(400);
            return;
        }
        try {
            links.setPassword(token, password, clientAddress.client((HttpServletRequest) external.getRequest()));
            done = true;
        } catch (AccountRejectedException e) {
            if (e.reason() == AccountRejectedException.Reason.LINK_NOT_USABLE) {
                holder = null;
            } else {
                Messages.error(facesContext, "setPassword:password", "newPassword." + e.reason().name());
            }
            external.setResponseStatus(400);
        } finally {
            password = null;
            confirmation = null;
        }
    }

    public boolean isUsable() {
        return holder != null;
    }

    public boolean isDone() {
        return done;
    }

    public String getEmail() {
        return holder == null ? "" : holder.email();
    }

    public boolean isInvitation() {
        return holder != null && holder.kind() == PasswordLinks.Kind.INVITATION;
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
