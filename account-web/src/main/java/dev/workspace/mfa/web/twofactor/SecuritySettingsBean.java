package dev.workspace.mfa.web.twofactor;

import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.recovery.RecoveryCodes;
import dev.workspace.mfa.core.secondfactor.CodeCheck;
import dev.workspace.mfa.core.secondfactor.CodeKind;
import dev.workspace.mfa.core.secondfactor.RecoveryCodeEntry;
import dev.workspace.mfa.core.secondfactor.RecoveryCodeRenewal;
import dev.workspace.mfa.core.secondfactor.TwoFactorRequiredException;
import dev.workspace.mfa.core.secondfactor.TwoFactorService;
import dev.workspace.mfa.core.secondfactor.TwoFactorStatus;
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
 * {@code /account/security}: the two-factor card. Each action opens a panel first: the destructive ones (disable,
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
    private Action pendingAction;
    private boolean stepUpNeeded;
    /** The action whose panel was last closed: its button gets the focus back. */
    private Action closedAction;
    private boolean useRecoveryCode;
    private String password;
    private String code;
    private RecoveryCodeRenewal renewal;
    private List<RecoveryCodeEntry> codeList;
    private boolean saved;

    @PostConstruct
    void load() {
        status = twoFactor.status(currentUser.accountId());
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

    public void toggleRecoveryCode() {
        useRecoveryCode = !useRecoveryCode;
        code = null;
    }

    public void cancel() {
        closedAction = pendingAction;
        pendingAction = null;
        password = null;
        code = null;
    }

    /** The panel's button: the step-up when one is needed, then the action. */
    public void confirm() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (pendingAction == null) {
            return;
        }
        if (stepUpNeeded) {
            if (!stepUp(context)) {
                return;
            }
        } else if (!StepUp.isValid(request(context), clock)) {
            stepUpNeeded = true;
            Messages.error(context, null, "stepUp.expired");
            context.getExternalContext().setResponseStatus(401);
            return;
        }
        perform(context, pendingAction);
    }

    private boolean stepUp(FacesContext context) {
        CodeCheck check = twoFactor.confirmIdentity(currentUser.accountId(), password,
                useRecoveryCode ? CodeKind.RECOVERY_CODE : CodeKind.METHOD_CODE, code, clientAddress(context));
        password = null;
        code = null;
        if (check.outcome() == CodeCheck.Outcome.LOCKED) {
            Messages.lockedUntil(context, "stepUp.locked", check.lockedUntil(), clock);
            context.getExternalContext().setResponseStatus(429);
            return false;
        }
        if (!check.accepted()) {
            FieldError.reject(context, "security:password", "stepUp.invalid");
            context.getExternalContext().setResponseStatus(401);
            return false;
        }
        StepUp.grant(request(context), clock);
        return true;
    }

    /** Finish after regenerating: only now do the new codes replace the old ones. */
    public void finishCodes() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (renewal == null || !RecoveryCodeSheet.acknowledged(context, saved)) {
            return;
        }
        boolean replaced = twoFactor.replaceRecoveryCodes(renewal, clientAddress(context));
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
        boolean stepUpValid = StepUp.isValid(request(context), clock);
        if (stepUpValid && !action.destructive()) {
            perform(context, action);
            return;
        }
        pendingAction = action;
        stepUpNeeded = !stepUpValid;
        useRecoveryCode = false;
    }

    private void perform(FacesContext context, Action action) {
        pendingAction = null;
        long userId = currentUser.accountId();
        switch (action) {
            case REGENERATE -> {
                renewal = twoFactor.renewRecoveryCodes(userId);
                Messages.info(context, "security.regenerated");
            }
            case VIEW -> codeList = twoFactor.recoveryCodes(userId, clientAddress(context));
            case DISABLE -> {
                try {
                    twoFactor.disable(userId, clientAddress(context));
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

    private String clientAddress(FacesContext context) {
        return clientAddress.of(request(context));
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

    public boolean isUseRecoveryCode() {
        return useRecoveryCode;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
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
