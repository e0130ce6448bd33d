package dev.workspace.mfa.web.signin;

import dev.workspace.mfa.core.account.PasswordLinks;
import dev.workspace.mfa.web.security.ClientAddress;
import dev.workspace.mfa.web.security.PublicLinks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /login/forgot}: asks for a password reset link. The answer is the same whether or not the email belongs to
 * someone, so the page cannot be used to find out who has an account; the service limits how many links are sent.
 */
@Named
@RequestScoped
public class ForgotPasswordBean {

    @Inject
    private PasswordLinks links;

    @Inject
    private PublicLinks publicLinks;

    @Inject
    private ClientAddress clientAddress;

    @Inject
    private FacesContext facesContext;

    private String email;
    private boolean sent;

    public void send() {
        HttpServletRequest request = (HttpServletRequest) facesContext.getExternalContext().getRequest();
        publicLinks.passwordResetBase().ifPresent(base -> links.sendPasswordReset(email, base, clientAddress.client(request)));
        sent = true;
    }

    /** Without MFA_PUBLIC_URL no reset link can be built safely, so the page sends people to their administrator. */
    public boolean isAvailable() {
        return publicLinks.passwordResetBase().isPresent();
    }

    public boolean isSent() {
        return sent;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
