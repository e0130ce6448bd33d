package dev.workspace.mfa.web.twofactor;

import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.recovery.RecoveryCodes;
import dev.workspace.mfa.core.secondfactor.CodeCheck;
import dev.workspace.mfa.core.secondfactor.CodeKind;
import dev.workspace.mfa.core.secondfactor.RecoveryCodeEntry;
import dev.workspace.mfa.core.secondfactor.TwoFactorRequiredException;
import dev.workspace.mfa.core.secondfactor.TwoFactorService;
import dev.workspace.mfa.core.secondfactor.TwoFactorStatus;
import dev.workspace.mfa.web.faces.Messages;
import dev.workspace.mfa.web.pages.CurrentUser;
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
 * {@code /account/security}: the two-factor card. Regenerating and viewing recovery codes and disabling each need a
 * step-up first (password and a current code, or a recovery code), which then holds for 10 minutes.
 */
@Named
@ViewScoped
public class SecuritySettingsBean implements Serializable {

    /** The change waiting for the step-up. */
    public enum Action { REGENERATE, VIEW, DISABLE }

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private MfaSettings settings;

    @Inject
    private OtherSessions otherSessions;

    @Inject
    private Clock clock;

    private TwoFactorStatus status;
    private Action pendingAction;
    private boolean useRecoveryCode;
    private String password;
    private String code;
    private List<String> newCodes;
    private List<RecoveryCodeEntry> codeList;
    private boolean saved;

    @PostConstruct
    void load() {
        status = twoFactor.status(currentUser.accountId());
    }

    public void regenerate() {
        request(Action.REGENERATE);
    }

    public void view() {
        request(Action.VIEW);
    }

    public void disable() {
        request(Action.DISABLE);
    }

    public void toggleRecoveryCode() {
        useRecoveryCode = !useRecoveryCode;
        code = null;
    }

    public void cancel() {
        pendingAction = null;
        password = null;
        code = null;
    }

    /** The step-up form: password and code, then the change that was asked for. */
    public void confirm() {
        FacesContext context = FacesContext.getCurrentInstance();
        CodeCheck check = twoFactor.confirmIdentity(currentUser.accountId(), password,
                useRecoveryCode ? CodeKind.RECOVERY_CODE : CodeKind.METHOD_CODE, code, clientAddress(context));
        password = null;
        code = null;
        if (check.outcome() == CodeCheck.Outcome.LOCKED) {
            Messages.lockedUntil(context, "stepUp.locked", check.lockedUntil(), clock);
            context.getExternalContext().setResponseStatus(429);
            return;
        }
        if (!check.accepted()) {
            Messages.error(context, null, "stepUp.invalid");
            context.getExternalContext().setResponseStatus(401);
            return;
        }
        StepUp.grant(request(context), clock);
        perform(context, pendingAction);
    }

    /** Closes a freshly shown list of codes once the person says they saved it. */
    public void finishCodes() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (!RecoveryCodeSheet.acknowledged(context, saved)) {
            return;
        }
        newCodes = null;
        saved = false;
        Messages.info(context, "security.codes.saved");
    }

    public void hideCodeList() {
        codeList = null;
    }

    private void request(Action action) {
        FacesContext context = FacesContext.getCurrentInstance();
        newCodes = null;
        codeList = null;
        if (StepUp.isValid(request(context), clock)) {
            perform(context, action);
        } else {
            pendingAction = action;
            useRecoveryCode = false;
        }
    }

    private void perform(FacesContext context, Action action) {
        pendingAction = null;
        long userId = currentUser.accountId();
        String client = clientAddress(context);
        switch (action) {
            case REGENERATE -> {
                newCodes = twoFactor.regenerateRecoveryCodes(userId, client);
                Messages.info(context, "security.regenerated");
            }
            case VIEW -> codeList = twoFactor.recoveryCodes(userId, client);
            case DISABLE -> {
                try {
                    twoFactor.disable(userId, client);
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
        return RecoveryCodeSheet.download(FacesContext.getCurrentInstance(), settings.issuer(), currentUser.getEmail(),
                LocalDate.now(clock), newCodes);
    }

    private static HttpServletRequest request(FacesContext context) {
        return (HttpServletRequest) context.getExternalContext().getRequest();
    }

    private static String clientAddress(FacesContext context) {
        return request(context).getRemoteAddr();
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

    public List<String> getNewCodes() {
        return newCodes;
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
