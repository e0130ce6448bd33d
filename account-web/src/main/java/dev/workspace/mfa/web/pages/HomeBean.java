package dev.workspace.mfa.web.pages;

import dev.workspace.mfa.core.policy.PolicyService;
import dev.workspace.mfa.core.policy.TwoFactorRequirement;
import dev.workspace.mfa.core.recovery.RecoveryCodes;
import dev.workspace.mfa.core.secondfactor.TwoFactorService;
import dev.workspace.mfa.web.security.SignInSession;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * The workspace home: the suggestion to turn on two-factor authentication ("Not now" for this session,
 * "Don't ask again" for good) and, after a sign-in with a recovery code, how many are left.
 */
@Named
@RequestScoped
public class HomeBean {

    private static final String NOT_NOW = "mfa.twoFactorPromptSnoozed";

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private PolicyService policies;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private FacesContext facesContext;

    private TwoFactorRequirement requirement;
    private Optional<Integer> recoveryCodesLeft;

    @PostConstruct
    void load() {
        requirement = policies.requirementFor(currentUser.accountId());
        recoveryCodesLeft = SignInSession.takeRecoveryCodesLeft(request());
    }

    /**
     * Only while the policy merely suggests 2FA: when it requires it, the banner with the deadline (or the enrollment
     * pages) take the prompt's place, and neither "Not now" nor "Don't ask again" is offered.
     */
    public boolean isShowPrompt() {
        return requirement.level() == TwoFactorRequirement.Level.SUGGESTED
                && request().getSession().getAttribute(NOT_NOW) == null;
    }

    public void notNow() {
        request().getSession().setAttribute(NOT_NOW, Boolean.TRUE);
    }

    public void neverAsk() {
        twoFactor.dismissPrompt(currentUser.accountId());
        requirement = policies.requirementFor(currentUser.accountId());
    }

    public boolean isRecoveryCodeUsed() {
        return recoveryCodesLeft.isPresent();
    }

    public int getRecoveryCodesLeft() {
        return recoveryCodesLeft.orElse(0);
    }

    public boolean isFewRecoveryCodesLeft() {
        return recoveryCodesLeft.map(left -> left <= RecoveryCodes.FEW_LEFT).orElse(false);
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) facesContext.getExternalContext().getRequest();
    }
}
