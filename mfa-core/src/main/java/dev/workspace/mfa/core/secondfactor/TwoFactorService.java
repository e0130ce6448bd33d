package dev.workspace.mfa.core.secondfactor;

import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.method.Challenge;
import dev.workspace.mfa.core.method.EnrollmentCheck;
import dev.workspace.mfa.core.method.MethodDescription;
import dev.workspace.mfa.core.method.MethodEnrollment;
import dev.workspace.mfa.core.stepup.StepUpGrant;
import dev.workspace.mfa.core.verification.CodeCheck;
import dev.workspace.mfa.core.verification.CodeKind;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;

import java.util.List;

/**
 * A person's two-factor authentication: choosing a method, switching, a new phone, signing in with it, turning it
 * off. Every method is reached through {@link dev.workspace.mfa.core.method.TwoFactorMethod}; the changes take a
 * {@link StepUpGrant} and refuse without a valid one.
 */
public interface TwoFactorService {

    /** What Finish did, or why it did nothing. */
    enum FinishOutcome {
        ENABLED, METHOD_CHANGED, REPLACED,
        /** Set up from "off" while another enrollment turned two-factor authentication on meanwhile. */
        ALREADY_ENABLED,
        /** A change of method while two-factor authentication was turned off meanwhile: start again. */
        STALE,
        EXPIRED, NOT_VERIFIED, NOT_ALLOWED;

        public boolean done() {
            return this == ENABLED || this == METHOD_CHANGED || this == REPLACED;
        }
    }

    TwoFactorStatus status(long userId);

    boolean isEnabled(long userId);

    /** The methods the workspace offers, in the order the pages list them. */
    List<MethodDescription> offeredMethods();

    /**
     * Step 1 of setting up a method (the first, another one, or the same on a new phone or address).
     *
     * @throws dev.workspace.mfa.core.method.EnrollmentRefusedException when the method is not offered, or the
     *         destination is not acceptable, or no code could be sent
     * @throws dev.workspace.mfa.core.stepup.StepUpRequiredException without a valid grant
     */
    MethodEnrollment beginEnrollment(StepUpGrant grant, SecondFactorMethod method, String destination, Client client);

    /** Step 2: the code; a person without recovery codes gets ten with the verified enrollment. */
    EnrollmentCheck verifyEnrollment(MethodEnrollment enrollment, String code, Client client);

    /**
     * Step 3, Finish: in one transaction, stores the new credential, removes the one it replaces, stores new recovery
     * codes (first method only), ends the person's other sessions, and emails them.
     */
    FinishOutcome finishEnrollment(StepUpGrant grant, MethodEnrollment enrollment, Client client);

    /** Right after the password step: sends the sign-in code when the active method works by message. */
    Challenge startSignIn(long userId, Client client);

    /** Sign-in's second step: a code of the active method or a recovery code, with replay refusal and lockout. */
    CodeCheck checkCode(long userId, CodeKind kind, String code, Client client);

    /**
     * Removes every credential and recovery code, ends the person's other sessions and emails them.
     *
     * @throws TwoFactorRequiredException when the workspace requires two-factor authentication
     */
    void disable(StepUpGrant grant, Client client);

    /**
     * The emergency reset by an admin or owner (the person lost their phone): removes every credential, sent code and
     * recovery code, ends all the person's sessions, emails them and audits the acting admin. The next sign-in asks
     * for the password alone, then for a new method when the workspace requires one.
     *
     * @throws dev.workspace.mfa.core.account.AdminActionRefusedException for one's own account ({@code OWN_ACCOUNT}),
     *                                                                     an unknown person ({@code NOT_FOUND}), or an
     *                                                                     owner's account reset by an admin ({@code OWNER_ONLY})
     */
    void resetByAdministrator(long userId, Client client);

    /**
     * An import from another system (Keycloak, GitLab…) brings a person's authenticator secret along, so they need not
     * set the app up again: it becomes their active method, replacing any other. For admins and owners; audited.
     *
     * @param secret the TOTP secret's bytes (at least 10, i.e. 80 bits)
     */
    void installImportedAuthenticator(long userId, byte[] secret, Client client);

    /** "Don't ask again" on the suggestion to turn two-factor authentication on. */
    void dismissPrompt(long userId);
}
