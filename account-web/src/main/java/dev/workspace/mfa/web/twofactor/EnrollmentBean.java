package dev.workspace.mfa.web.twofactor;

import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.secondfactor.TotpEnrollment;
import dev.workspace.mfa.core.secondfactor.TwoFactorService;
import dev.workspace.mfa.web.faces.Messages;
import dev.workspace.mfa.web.pages.CurrentUser;
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
 * {@code /account/enroll}: scan the QR code, enter the code, save the recovery codes, Finish. The enrollment lives in
 * this view until Finish stores it in one transaction; leaving the page abandons it.
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
    private Clock clock;

    private TotpEnrollment enrollment;
    private String qrCode;
    private String code;
    private boolean saved;

    @PostConstruct
    void begin() {
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

    public void verify() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (restartIfExpired(context)) {
            return;
        }
        Optional<TotpEnrollment> verified = twoFactor.verifyEnrollmentCode(enrollment, code);
        code = null;
        if (verified.isEmpty()) {
            Messages.error(context, null, "enroll.code.invalid");
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
        String client = ((HttpServletRequest) external.getRequest()).getRemoteAddr();
        TwoFactorService.FinishOutcome outcome = twoFactor.finishTotpEnrollment(enrollment, client);
        otherSessions.keepThisOne((HttpServletRequest) external.getRequest());
        external.getFlash().setKeepMessages(true);
        Messages.info(context, outcome == TwoFactorService.FinishOutcome.ENABLED ? "enroll.finished" : "enroll.alreadyOn");
        external.redirect(external.getRequestContextPath() + "/account/security");
    }

    private boolean restartIfExpired(FacesContext context) {
        if (!enrollment.expiredAt(LocalDateTime.now(clock))) {
            return false;
        }
        begin();
        code = null;
        saved = false;
        Messages.error(context, null, "enroll.expired");
        return true;
    }

    public StreamedContent getDownload() {
        return RecoveryCodeSheet.download(FacesContext.getCurrentInstance(), settings.issuer(), enrollment.email(),
                LocalDate.now(clock), getRecoveryCodes());
    }

    public boolean isVerified() {
        return enrollment.verified();
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
