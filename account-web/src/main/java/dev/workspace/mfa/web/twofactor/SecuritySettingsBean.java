package dev.workspace.mfa.web.twofactor;

import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.method.MethodDescription;
import dev.workspace.mfa.core.recovery.RecoveryCodeEntry;
import dev.workspace.mfa.core.recovery.RecoveryCodeRenewal;
import dev.workspace.mfa.core.recovery.RecoveryCodes;
import dev.workspace.mfa.core.secondfactor.RecoveryCodeService;
import dev.workspace.mfa.core.secondfactor.TwoFactorRequiredException;
import dev.workspace.mfa.core.secondfactor.TwoFactorService;
import dev.workspace.mfa.core.secondfactor.TwoFactorStatus;
import dev.workspace.mfa.core.stepup.StepUpGrant;
import dev.workspace.mfa.core.stepup.StepUpRequiredException;
import dev.workspace.mfa.web.faces.Messages;
import dev.workspace.mfa.web.pages.CurrentUser;
import dev.workspace.mfa.web.security.ClientAddress;
import dev.workspace.mfa.web.security.OtherSessions;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.primefaces.model.StreamedContent;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code /account/security}: the two-factor card with the offered methods (the active one marked; the others with
 * Enable or "Use this method", which lead to enrollment) and the recovery-code actions. Each action opens a panel first: the destructive ones (disable,
 * regenerate) always ask for a confirmation that names what will happen, also within the 10 minutes of a step-up;
 * without a valid step-up the same panel asks for the password and a current code (or a recovery code).
 */
@Named
@ViewScoped
public class SecuritySettingsBean implements Serializable {

    /** What the open panel is about; the page takes its heading, explanation and button text from the name. */
    public enum Action {
        REGENERATE, VIEW, DISABLE;

        /** Viewing changes nothing, so after a step-up it needs no further confirmation. */
        boolean destructive() {
            return this != VIEW;
        }
    }

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private RecoveryCodeService recoveryCodes;

    @Inject
    private StepUpForm stepUpForm;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private MfaSettings settings;

    @Inject
    private OtherSessions otherSessions;

    @Inject
    private ClientAddress clientAddress;

    @Inject
    private Clock clock;

    private TwoFactorStatus status;
    private List<MethodDescription> methods;
    private Action pendingAction;
    private boolean stepUpNeeded;
    /** The action whose panel was last closed: its button gets the focus back. */
    private Action closedAction;
    private RecoveryCodeRenewal renewal;
    private List<RecoveryCodeEntry> codeList;
    private boolean saved;

    @PostConstruct
    void load() {
        status = twoFactor.status(currentUser.accountId());
        methods = twoFactor.offeredMethods();
    }

    public void regenerate() {
        open(Action.REGENERATE);
    }

    public void view() {
        open(Action.VIEW);
    }

    public void disable() {
        open(Action.DISABLE);
    }

    public void cancel() {
        closedAction = pendingAction;
        pendingAction = null;
        stepUpForm.reset();
    }

    /** The panel's button: the step-up when one is needed, then the action. */
    public void confirm() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (pendingAction == null) {
            return;
        }
        StepUpGrant grant = stepUpNeeded ? stepUpForm.confirm("security:password") : stepUpForm.validGrant();
        if (grant == null) {
            if (!stepUpNeeded) {
                stepUpExpired();
            }
            return;
        }
        perform(context, pendingAction, grant);
    }

    private void stepUpExpired() {
        stepUpNeeded = true;
        stepUpForm.expired();
    }

    /** Finish after regenerating: only now do the new codes replace the old ones. */
    public void finishCodes() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (renewal == null || !RecoveryCodeSheet.acknowledged(context, saved)) {
            return;
        }
        boolean replaced;
        try {
            replaced = recoveryCodes.replace(stepUpForm.validGrant(), renewal, clientAddress(context));
        } catch (StepUpRequiredException e) {
            pendingAction = Action.REGENERATE;
            stepUpExpired();
            return;
        }
        renewal = null;
        saved = false;
        status = twoFactor.status(currentUser.accountId());
        if (replaced) {
            Messages.info(context, "security.codes.replaced");
        } else {
            Messages.error(context, null, "security.codes.notReplaced");
            context.getExternalContext().setResponseStatus(409);
        }
    }

    /** Leaving the new codes unsaved: nothing was stored, the old codes go on working. */
    public void discardCodes() {
        renewal = null;
        saved = false;
        closedAction = Action.REGENERATE;
        Messages.info(context(), "security.codes.kept");
    }

    public void hideCodeList() {
        codeList = null;
        closedAction = Action.VIEW;
    }

    private void open(Action action) {
        FacesContext context = FacesContext.getCurrentInstance();
        renewal = null;
        codeList = null;
        closedAction = null;
        StepUpGrant grant = stepUpForm.validGrant();
        if (grant != null && !action.destructive()) {
            perform(context, action, grant);
            return;
        }
        pendingAction = action;
        stepUpNeeded = grant == null;
        stepUpForm.reset();
    }

    private void perform(FacesContext context, Action action, StepUpGrant grant) {
        pendingAction = null;
        long userId = currentUser.accountId();
        switch (action) {
            case REGENERATE -> {
                renewal = recoveryCodes.renew(grant);
                Messages.info(context, "security.regenerated");
            }
            case VIEW -> codeList = recoveryCodes.list(grant, clientAddress(context));
            case DISABLE -> {
                try {
                    twoFactor.disable(grant, clientAddress(context));
                    otherSessions.keepThisOne(request(context));
                    StepUp.revoke(request(context));
                    Messages.info(context, "security.disabled");
                } catch (TwoFactorRequiredException e) {
                    Messages.error(context, null, "security.disable.required");
                    context.getExternalContext().setResponseStatus(409);
                }
            }
        }
        status = twoFactor.status(userId);
    }

    public StreamedContent getDownload() {
        return RecoveryCodeSheet.download(context(), settings.issuer(), currentUser.getEmail(), LocalDate.now(clock),
                getNewCodes());
    }

    private static FacesContext context() {
        return FacesContext.getCurrentInstance();
    }

    private static HttpServletRequest request(FacesContext context) {
        return (HttpServletRequest) context.getExternalContext().getRequest();
    }

    private Client clientAddress(FacesContext context) {
        return clientAddress.client(request(context));
    }

    public TwoFactorStatus getStatus() {
        return status;
    }

    public boolean isFewCodesLeft() {
        return status.enabled() && status.recoveryCodesLeft() <= RecoveryCodes.FEW_LEFT;
    }

    public long getUnusedInList() {
        return codeList == null ? 0 : codeList.stream().filter(e -> !e.used()).count();
    }

    public Action getPendingAction() {
        return pendingAction;
    }

    public boolean isStepUpNeeded() {
        return stepUpNeeded;
    }

    /** Whether the button of the given action (by name) should take the focus, after its panel was closed. */
    public boolean focusesAfterClose(String action) {
        return closedAction != null && closedAction.name().equals(action);
    }

    /** The methods the workspace offers, for the list of methods. */
    public List<MethodDescription> getMethods() {
        return methods;
    }

    public boolean isActive(MethodDescription method) {
        return status.enabled() && status.method() == method.method();
    }

    /** The new codes on show after regenerating, not yet stored; null when none are. */
    public List<String> getNewCodes() {
        return renewal == null ? null : renewal.codes();
    }

    public List<RecoveryCodeEntry> getCodeList() {
        return codeList;
    }

    public boolean isSaved() {
        return saved;
    }

    public void setSaved(boolean saved) {
        this.saved = saved;
    }
}
