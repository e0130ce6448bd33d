package dev.workspace.mfa.web.signin;

import dev.workspace.mfa.core.secondfactor.CodeCheck;
import dev.workspace.mfa.core.secondfactor.CodeKind;
import dev.workspace.mfa.web.faces.Messages;
import dev.workspace.mfa.web.security.PendingSignIn;
import dev.workspace.mfa.web.security.SecondFactorCredential;
import dev.workspace.mfa.web.security.SignInMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.io.IOException;
import java.time.Clock;

/** The second step of sign-in (a sign-in older than 5 minutes starts again): {@code /login/verify} (authenticator code) and {@code /login/recovery} (recovery code). */
@Named
@RequestScoped
public class SecondStepBean {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext facesContext;

    @Inject
    private Clock clock;

    private String code;

    /**
     * Without a sign-in waiting for its second step (none, or older than 5 minutes) the page sends the person back to
     * the first step.
     */
    public void onLoad() throws IOException {
        SignInStep.requirePending(facesContext, PendingSignIn.Step.SECOND_FACTOR, clock);
    }

    public void verifyCode() throws IOException {
        verify(CodeKind.METHOD_CODE);
    }

    public void verifyRecoveryCode() throws IOException {
        verify(CodeKind.RECOVERY_CODE);
    }

    private void verify(CodeKind kind) throws IOException {
        ExternalContext external = facesContext.getExternalContext();
        boolean done = SignInStep.submit(facesContext, securityContext, new SecondFactorCredential(kind, code));
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
            Messages.error(facesContext, null, kind == CodeKind.RECOVERY_CODE ? "verify.recovery.invalid" : "verify.invalid");
            external.setResponseStatus(401);
        }
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
