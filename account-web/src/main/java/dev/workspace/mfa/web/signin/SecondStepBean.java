package dev.workspace.mfa.web.signin;

import dev.workspace.mfa.core.device.RememberedDevices;
import dev.workspace.mfa.core.method.Challenge;
import dev.workspace.mfa.core.method.MethodDescription;
import dev.workspace.mfa.core.secondfactor.TwoFactorService;
import dev.workspace.mfa.core.verification.CodeCheck;
import dev.workspace.mfa.core.verification.CodeKind;
import dev.workspace.mfa.web.faces.Messages;
import dev.workspace.mfa.web.security.ClientAddress;
import dev.workspace.mfa.web.security.PendingSignIn;
import dev.workspace.mfa.web.security.SecondFactorCredential;
import dev.workspace.mfa.web.security.SignInMechanism;
import dev.workspace.mfa.web.security.SignInSession;
import dev.workspace.mfa.web.twofactor.SentCodeMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * The second step of sign-in (a sign-in older than 5 minutes starts again): {@code /login/verify} (a code of the
 * active method, with "Resend code" for methods that send one) and {@code /login/recovery} (a recovery code).
 */
@Named
@RequestScoped
public class SecondStepBean {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext facesContext;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private ClientAddress clientAddress;

    @Inject
    private Clock clock;

    @Inject
    private RememberedDevices devices;

    private String code;
    private boolean rememberDevice;
    private Integer rememberDays;

    /**
     * Without a sign-in waiting for its second step (none, or older than 5 minutes) the page sends the person back to
     * the first step; otherwise it says where the code was sent, or why it was not.
     */
    public void onLoad() throws IOException {
        SignInStep.requirePending(facesContext, PendingSignIn.Step.SECOND_FACTOR, clock);
        // A code that went out is already named by the page's introduction; only a failure needs a message.
        SignInSession.takeChallenge(request()).filter(challenge -> !challenge.sent())
                .ifPresent(challenge -> SentCodeMessages.report(facesContext, challenge, clock));
    }

    /** "Resend code": a new code, at most one every 30 seconds and within the sending limits. */
    public void resend() throws IOException {
        Optional<PendingSignIn> pending = SignInSession.pendingSignInAt(PendingSignIn.Step.SECOND_FACTOR, request(), clock);
        if (pending.isEmpty()) {
            SignInStep.restart(facesContext);
            return;
        }
        Challenge challenge = twoFactor.startSignIn(pending.get().accountId(), clientAddress.client(request()));
        SignInSession.noteResent(request(), pending.get(), challenge);
        SentCodeMessages.report(facesContext, challenge, clock);
    }

    public void verifyCode() throws IOException {
        verify(CodeKind.METHOD_CODE);
    }

    public void verifyRecoveryCode() throws IOException {
        verify(CodeKind.RECOVERY_CODE);
    }

    private void verify(CodeKind kind) throws IOException {
        ExternalContext external = facesContext.getExternalContext();
        boolean done = SignInStep.submit(facesContext, securityContext, new SecondFactorCredential(kind, code, rememberDevice));
        code = null;
        if (done) {
            return;
        }
        CodeCheck check = (CodeCheck) external.getRequestMap().get(SignInMechanism.CODE_RESULT);
        if (check == null || check.outcome() == CodeCheck.Outcome.NOT_ENROLLED) {
            SignInStep.restart(facesContext);
        } else if (check.outcome() == CodeCheck.Outcome.LOCKED) {
            Messages.lockedUntil(facesContext, "verify.locked", check.lockedUntil(), clock);
            external.setResponseStatus(429);
        } else {
            Messages.error(facesContext, null, kind == CodeKind.RECOVERY_CODE ? "verify.recovery.invalid"
                    : check.outcome() == CodeCheck.Outcome.EXPIRED ? "verify.code.expired" : "verify.invalid." + getMethod());
            external.setResponseStatus(401);
        }
    }

    /** The method the pending second step asks for, for the page's texts; TOTP when none is pending. */
    public String getMethod() {
        return method().map(MethodDescription::name).orElse("TOTP");
    }

    public boolean isSendsCodes() {
        return method().map(MethodDescription::sendsCodes).orElse(false);
    }

    public String getSentTo() {
        return SignInSession.pendingSignIn(request(), clock).map(PendingSignIn::sentTo).orElse(null);
    }

    private Optional<MethodDescription> method() {
        return SignInSession.pendingSignIn(request(), clock).map(PendingSignIn::method);
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) facesContext.getExternalContext().getRequest();
    }

    /** The days "Don't ask again on this device" lasts; 0 when the workspace turned it off (the box is not shown). */
    public int getRememberDays() {
        if (rememberDays == null) {
            rememberDays = devices.rememberDays();
        }
        return rememberDays;
    }

    public boolean isRememberDevice() {
        return rememberDevice;
    }

    public void setRememberDevice(boolean rememberDevice) {
        this.rememberDevice = rememberDevice;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
