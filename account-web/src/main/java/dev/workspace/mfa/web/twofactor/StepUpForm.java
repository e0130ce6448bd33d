package dev.workspace.mfa.web.twofactor;

import dev.workspace.mfa.core.secondfactor.TwoFactorService;
import dev.workspace.mfa.core.secondfactor.TwoFactorStatus;
import dev.workspace.mfa.core.stepup.StepUpGrant;
import dev.workspace.mfa.core.stepup.StepUpResult;
import dev.workspace.mfa.core.stepup.StepUpService;
import dev.workspace.mfa.core.verification.CodeCheck;
import dev.workspace.mfa.core.verification.CodeKind;
import dev.workspace.mfa.web.faces.Messages;
import dev.workspace.mfa.web.pages.CurrentUser;
import dev.workspace.mfa.web.security.ClientAddress;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.time.Clock;

/**
 * The step-up fields shared by the pages that change two-factor settings ({@code WEB-INF/includes/step-up.xhtml}): the
 * password and a current code of the active method (with "Send code" for methods that send one) or a recovery code;
 * the password alone before any second factor exists. Core checks the proof and gives the grant this form keeps.
 */
@Named
@ViewScoped
public class StepUpForm implements Serializable {

    @Inject
    private StepUpService stepUp;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private ClientAddress clientAddress;

    @Inject
    private Clock clock;

    private String password;
    private String code;
    private boolean useRecoveryCode;
    private TwoFactorStatus status;

    /** The grant kept in this session when core says it still holds, or null. */
    public StepUpGrant validGrant() {
        StepUpGrant grant = StepUp.current(request());
        return stepUp.holds(grant) ? grant : null;
    }

    /** Checks what was typed; on success the grant is kept (under a new session id) and returned, otherwise null. */
    public StepUpGrant confirm(String passwordFieldId) {
        FacesContext context = FacesContext.getCurrentInstance();
        long userId = currentUser.accountId();
        StepUpResult result = isSecondFactorOn()
                ? stepUp.confirm(userId, password, useRecoveryCode ? CodeKind.RECOVERY_CODE : CodeKind.METHOD_CODE, code,
                clientAddress.client(request()))
                : stepUp.confirmPassword(userId, password, clientAddress.client(request()));
        password = null;
        code = null;
        if (result.check().outcome() == CodeCheck.Outcome.LOCKED) {
            Messages.lockedUntil(context, "stepUp.locked", result.check().lockedUntil(), clock);
            context.getExternalContext().setResponseStatus(429);
            return null;
        }
        if (result.check().outcome() == CodeCheck.Outcome.UNAVAILABLE) {
            Messages.error(context, null, "login.directoryUnavailable");
            context.getExternalContext().setResponseStatus(503);
            return null;
        }
        if (!result.granted()) {
            FieldError.reject(context, passwordFieldId, isSecondFactorOn() ? "stepUp.invalid" : "enroll.password.invalid");
            context.getExternalContext().setResponseStatus(401);
            return null;
        }
        StepUp.keep(request(), result.grant());
        return result.grant();
    }

    /** A change was refused because the step-up no longer holds: the page says so and asks again. */
    public void expired() {
        FacesContext context = FacesContext.getCurrentInstance();
        Messages.error(context, null, "stepUp.expired");
        context.getExternalContext().setResponseStatus(401);
    }

    /** "Send code" for a step-up with email or SMS. */
    public void sendCode() {
        SentCodeMessages.report(FacesContext.getCurrentInstance(),
                stepUp.sendCode(currentUser.accountId(), clientAddress.client(request())), clock);
    }

    public void toggleRecoveryCode() {
        useRecoveryCode = !useRecoveryCode;
        code = null;
    }

    public void reset() {
        password = null;
        code = null;
        useRecoveryCode = false;
        status = null;
    }

    public boolean isSecondFactorOn() {
        return status().enabled();
    }

    /** The active method's name, for the texts of the code field. */
    public String getMethod() {
        return isSecondFactorOn() ? status().method().name() : "NONE";
    }

    public boolean isSendsCodes() {
        return isSecondFactorOn() && status().description().sendsCodes();
    }

    private TwoFactorStatus status() {
        if (status == null) {
            status = twoFactor.status(currentUser.accountId());
        }
        return status;
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
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
}
