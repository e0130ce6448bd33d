package dev.workspace.mfa.web.twofactor;

import dev.workspace.mfa.core.account.AccountRejectedException;
import dev.workspace.mfa.core.account.AccountService;
import dev.workspace.mfa.core.account.AccountSummary;
import dev.workspace.mfa.core.stepup.StepUpGrant;
import dev.workspace.mfa.core.stepup.StepUpRequiredException;
import dev.workspace.mfa.web.faces.Messages;
import dev.workspace.mfa.web.pages.CurrentUser;
import dev.workspace.mfa.web.security.ClientAddress;
import dev.workspace.mfa.web.security.OtherSessions;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;

/**
 * {@code /account/password}: the step-up (current password, and a current code when two-factor authentication is on),
 * then the new password twice. This session stays signed in; the others end.
 */
@Named
@ViewScoped
public class PasswordChangeBean implements Serializable {

    @Inject
    private AccountService accounts;

    @Inject
    private StepUpForm stepUpForm;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private OtherSessions otherSessions;

    @Inject
    private ClientAddress clientAddress;

    private String newPassword;
    private String confirmation;
    private boolean done;
    private Boolean passwordInDirectory;

    public void save() {
        FacesContext context = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) context.getExternalContext().getRequest();
        if (newPassword == null || !newPassword.equals(confirmation)) {
            Messages.error(context, "changePassword:confirmation", "newPassword.mismatch");
            context.getExternalContext().setResponseStatus(400);
            return;
        }
        StepUpGrant grant = stepUpForm.confirm("changePassword:password");
        if (grant == null) {
            return;
        }
        try {
            accounts.changePassword(grant, newPassword, clientAddress.client(request));
            otherSessions.keepThisOne(request);
            done = true;
            Messages.info(context, "changePassword.done");
        } catch (AccountRejectedException e) {
            Messages.error(context, "changePassword:newPassword", "newPassword." + e.reason().name());
            context.getExternalContext().setResponseStatus(400);
        } catch (StepUpRequiredException e) {
            stepUpForm.expired();
        } finally {
            newPassword = null;
            confirmation = null;
        }
    }

    /** A directory person changes their password in the company directory; the page says so instead of a form. */
    public boolean isPasswordInDirectory() {
        if (passwordInDirectory == null) {
            passwordInDirectory = accounts.findById(currentUser.accountId()).map(AccountSummary::fromDirectory).orElse(false);
        }
        return passwordInDirectory;
    }

    public boolean isDone() { return done; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
