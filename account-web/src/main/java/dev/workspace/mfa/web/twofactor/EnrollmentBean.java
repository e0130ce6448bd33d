package dev.workspace.mfa.web.twofactor;

import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.method.EnrollmentCheck;
import dev.workspace.mfa.core.method.EnrollmentRefusedException;
import dev.workspace.mfa.core.method.MethodDescription;
import dev.workspace.mfa.core.method.MethodEnrollment;
import dev.workspace.mfa.core.secondfactor.TwoFactorService;
import dev.workspace.mfa.core.stepup.StepUpGrant;
import dev.workspace.mfa.core.stepup.StepUpRequiredException;
import dev.workspace.mfa.web.faces.Messages;
import dev.workspace.mfa.web.pages.CurrentUser;
import dev.workspace.mfa.web.security.ClientAddress;
import dev.workspace.mfa.web.security.OtherSessions;
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
 * {@code /account/enroll?method=…}: set up a method (the first one, another one, or the same one on a new phone or
 * address). First the step-up (the password alone before any second factor exists); then the QR code, or the address
 * or number a code is sent to; then the code; then, for a first method, the recovery codes and Finish. A change of
 * method or device is finished as soon as its code is verified. The enrollment lives in this view until core stores it
 * in one transaction; leaving the page abandons it.
 */
@Named
@ViewScoped
public class EnrollmentBean implements Serializable {

    @Inject
    private TwoFactorService twoFactor;

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

    private MethodDescription method;
    private MethodEnrollment enrollment;
    private String qrCode;
    private String destination;
    private String code;
    private boolean saved;

    /**
     * The method comes from the link that opened the page (the authenticator app when none is named). A person who
     * already has two-factor authentication and names no method manages it on the security page instead.
     */
    public void onLoad() throws IOException {
        String methodName = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("method");
        boolean enabled = twoFactor.isEnabled(currentUser.accountId());
        Optional<MethodDescription> offered = twoFactor.offeredMethods().stream()
                .filter(m -> m.name().equals(methodName == null ? "TOTP" : methodName)).findFirst();
        if ((enabled && methodName == null) || offered.isEmpty()) {
            if (offered.isEmpty()) {
                FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
                Messages.error(FacesContext.getCurrentInstance(), null, "enroll.notOffered");
            }
            toSecurityPage();
            return;
        }
        method = offered.get();
        destination = method.destination() == MethodDescription.Destination.EMAIL_ADDRESS ? currentUser.getEmail() : null;
        StepUpGrant grant = stepUpForm.validGrant();
        if (grant != null) {
            beginWithoutDestination(grant);
        }
    }

    /** The step-up's button: "Continue". */
    public void confirmIdentity() {
        StepUpGrant grant = stepUpForm.confirm("enroll:password");
        if (grant != null) {
            beginWithoutDestination(grant);
        }
    }

    /** An authenticator app starts at once: its QR code needs nothing more from the person. */
    private void beginWithoutDestination(StepUpGrant grant) {
        if (method.destination() == MethodDescription.Destination.NONE) {
            begin(grant, null);
        }
    }

    /** "Send code" for email and SMS: the code goes to the address or number typed. */
    public void sendCode() {
        StepUpGrant grant = stepUpForm.validGrant();
        if (grant == null) {
            stepUpForm.expired();
            return;
        }
        if (begin(grant, destination)) {
            Messages.info(FacesContext.getCurrentInstance(), "enroll.codeSent." + method.name());
        }
    }

    private boolean begin(StepUpGrant grant, String typed) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            enrollment = twoFactor.beginEnrollment(grant, method.method(), typed, client(context));
        } catch (EnrollmentRefusedException e) {
            String field = "enroll:destination";
            if (e.retryAt() != null) {
                Messages.lockedUntil(context, "enroll.refused." + e.reason(), e.retryAt(), clock);
            } else {
                FieldError.reject(context, field, "enroll.refused." + e.reason());
            }
            context.getExternalContext().setResponseStatus(e.reason() == EnrollmentRefusedException.Reason.NOT_SENT ? 503
                    : e.retryAt() != null ? 429 : 400);
            return false;
        } catch (StepUpRequiredException e) {
            stepUpForm.expired();
            return false;
        }
        qrCode = enrollment.keyUri() == null ? null : QrCodeImage.pngDataUri(enrollment.keyUri());
        return true;
    }

    public void verify() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        if (restartIfExpired(context)) {
            return;
        }
        EnrollmentCheck check = twoFactor.verifyEnrollment(enrollment, code, client(context));
        code = null;
        if (!check.accepted()) {
            FieldError.reject(context, "enroll:code", "enroll.code." + check.verdict() + "." + method.name());
            context.getExternalContext().setResponseStatus(400);
            return;
        }
        enrollment = check.enrollment();
        if (enrollment.recoveryCodes().isEmpty()) {
            store(context);
        } else {
            Messages.info(context, "enroll.code.verified");
        }
    }

    /** Finish of a first method, after the recovery codes were saved. */
    public void finish() throws IOException {
        FacesContext context = FacesContext.getCurrentInstance();
        if (!RecoveryCodeSheet.acknowledged(context, saved) || restartIfExpired(context)) {
            return;
        }
        store(context);
    }

    private void store(FacesContext context) throws IOException {
        TwoFactorService.FinishOutcome outcome;
        try {
            outcome = twoFactor.finishEnrollment(stepUpForm.validGrant(), enrollment, client(context));
        } catch (StepUpRequiredException e) {
            enrollment = null;
            stepUpForm.expired();
            return;
        }
        context.getExternalContext().getFlash().setKeepMessages(true);
        if (outcome.done()) {
            otherSessions.keepThisOne(request(context));
            Messages.info(context, "enroll.done." + outcome + "." + method.name());
        } else {
            Messages.error(context, null, "enroll.outcome." + outcome);
        }
        toSecurityPage();
    }

    /** An enrollment left for too long starts again, with a new secret only while the step-up still holds. */
    private boolean restartIfExpired(FacesContext context) {
        if (enrollment != null && !enrollment.expiredAt(LocalDateTime.now(clock))) {
            return false;
        }
        enrollment = null;
        qrCode = null;
        code = null;
        saved = false;
        Messages.error(context, null, "enroll.expired");
        StepUpGrant grant = stepUpForm.validGrant();
        if (grant != null) {
            beginWithoutDestination(grant);
        }
        return true;
    }

    private void toSecurityPage() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/account/security");
        FacesContext.getCurrentInstance().responseComplete();
    }

    public StreamedContent getDownload() {
        return RecoveryCodeSheet.download(FacesContext.getCurrentInstance(), settings.issuer(), enrollment.email(),
                LocalDate.now(clock), getRecoveryCodes());
    }

    private static HttpServletRequest request(FacesContext context) {
        return (HttpServletRequest) context.getExternalContext().getRequest();
    }

    private Client client(FacesContext context) {
        return clientAddress.client(request(context));
    }

    /** No step-up yet (or it expired before anything began): the page asks for it. */
    public boolean isStepUpNeeded() {
        return enrollment == null && stepUpForm.validGrant() == null;
    }

    /** Email or SMS before a code was sent: the page asks where to send it. */
    public boolean isAskingDestination() {
        return enrollment == null && !isStepUpNeeded() && method != null
                && method.destination() != MethodDescription.Destination.NONE;
    }

    public boolean isStarted() {
        return enrollment != null;
    }

    public boolean isVerified() {
        return enrollment != null && enrollment.verified();
    }

    public MethodDescription getMethod() {
        return method;
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

    public String getDestination() {
        return destination;
    }

    public void setDestination(String destination) {
        this.destination = destination;
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
