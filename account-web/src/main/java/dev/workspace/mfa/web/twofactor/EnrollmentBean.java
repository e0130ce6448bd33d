package dev.workspace.mfa.web.twofactor;

import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.secondfactor.CodeCheck;
import dev.workspace.mfa.core.secondfactor.TotpEnrollment;
import dev.workspace.mfa.core.secondfactor.TwoFactorService;
import dev.workspace.mfa.web.faces.Messages;
import dev.workspace.mfa.web.pages.CurrentUser;
import dev.workspace.mfa.web.security.ClientAddress;
import dev.workspace.mfa.web.security.OtherSessions;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.primefaces.model.StreamedContent;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * {@code /account/enroll}: confirm the password, scan the QR code, enter the code, save the recovery codes, Finish. No
 * secret is made or shown before the password is confirmed (or a step-up of the last 10 minutes still holds), so an
 * unattended or hijacked session cannot bind an authenticator of its own. The enrollment lives in this view until
 * Finish stores it in one transaction; leaving the page abandons it.
 */
@Named
@ViewScoped
public class EnrollmentBean implements Serializable {

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

    /** Null until the password is confirmed. */
    private TotpEnrollment enrollment;
    private String qrCode;
    private String password;
    private String code;
    private boolean saved;

    @PostConstruct
    void beginIfConfirmed() {
        enrollment = null;
        qrCode = null;
        if (StepUp.isValid(request(FacesContext.getCurrentInstance()), clock)) {
            begin();
        }
    }

    private void begin() {
        enrollment = twoFactor.beginTotpEnrollment(currentUser.accountId());
        qrCode = QrCodeImage.pngDataUri(enrollment.keyUri());
    }

    /** A person who already has two-factor authentication manages it on the security page instead. */
    public void onLoad() throws IOException {
        if (twoFactor.isEnabled(currentUser.accountId())) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/account/security");
        }
    }

    /** The step-up before the secret is shown: the password alone, as the person has no second factor yet. */
    public void confirmPassword() {
        FacesContext context = FacesContext.getCurrentInstance();
        CodeCheck check = twoFactor.confirmPassword(currentUser.accountId(), password, clientAddress(context));
        password = null;
        if (check.outcome() == CodeCheck.Outcome.LOCKED) {
            Messages.lockedUntil(context, "stepUp.locked", check.lockedUntil(), clock);
            context.getExternalContext().setResponseStatus(429);
            return;
        }
        if (!check.accepted()) {
            FieldError.reject(context, "enroll:password", "enroll.password.invalid");
            context.getExternalContext().setResponseStatus(401);
            return;
        }
        StepUp.grant(request(context), clock);
        begin();
    }

    public void verify() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (restartIfExpired(context)) {
            return;
        }
        Optional<TotpEnrollment> verified = twoFactor.verifyEnrollmentCode(enrollment, code);
        code = null;
        if (verified.isEmpty()) {
            FieldError.reject(context, "enroll:code", "enroll.code.invalid");
            context.getExternalContext().setResponseStatus(400);
            return;
        }
        enrollment = verified.get();
        Messages.info(context, "enroll.code.verified");
    }

    public void finish() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        if (!RecoveryCodeSheet.acknowledged(context, saved)) {
            return;
        }
        if (restartIfExpired(context)) {
            return;
        }
        ExternalContext external = context.getExternalContext();
        TwoFactorService.FinishOutcome outcome = twoFactor.finishTotpEnrollment(enrollment, clientAddress(context));
        external.getFlash().setKeepMessages(true);
        if (outcome == TwoFactorService.FinishOutcome.ENABLED) {
            otherSessions.keepThisOne(request(context));
            Messages.info(context, "enroll.methodSet");
            Messages.info(context, "enroll.finished");
        } else {
            Messages.info(context, "enroll.alreadyOn");
        }
        external.redirect(external.getRequestContextPath() + "/account/security");
    }

    /** An enrollment left for too long starts again, with a new secret only while the step-up still holds. */
    private boolean restartIfExpired(FacesContext context) {
        if (enrollment != null && !enrollment.expiredAt(LocalDateTime.now(clock))) {
            return false;
        }
        beginIfConfirmed();
        code = null;
        saved = false;
        Messages.error(context, null, "enroll.expired");
        return true;
    }

    public StreamedContent getDownload() {
        return RecoveryCodeSheet.download(FacesContext.getCurrentInstance(), settings.issuer(), enrollment.email(),
                LocalDate.now(clock), getRecoveryCodes());
    }

    private static HttpServletRequest request(FacesContext context) {
        return (HttpServletRequest) context.getExternalContext().getRequest();
    }

    private String clientAddress(FacesContext context) {
        return clientAddress.of(request(context));
    }

    public boolean isStarted() {
        return enrollment != null;
    }

    public boolean isVerified() {
        return enrollment != null && enrollment.verified();
    }

    public List<String> getRecoveryCodes() {
        return enrollment.recoveryCodes();
    }

    public String getQrCode() {
        return qrCode;
    }

    public String getSecret() {
        return enrollment.groupedSecret();
    }

    public String getIssuer() {
        return settings.issuer();
    }

    public String getEmail() {
        return enrollment.email();
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

    public boolean isSaved() {
        return saved;
    }

    public void setSaved(boolean saved) {
        this.saved = saved;
    }
}
