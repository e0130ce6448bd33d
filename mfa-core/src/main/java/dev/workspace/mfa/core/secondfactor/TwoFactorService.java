package dev.workspace.mfa.core.secondfactor;

import java.util.List;
import java.util.Optional;

/** A person's two-factor authentication, from enrollment to sign-in to turning it off. */
public interface TwoFactorService {

    /** Why finishing an enrollment did not turn two-factor authentication on. */
    enum FinishOutcome { ENABLED, EXPIRED, NOT_VERIFIED, ALREADY_ENABLED }

    TwoFactorStatus status(long userId);

    boolean isEnabled(long userId);

    /** Step 1: a new secret and its key URI; nothing is stored yet. */
    TotpEnrollment beginTotpEnrollment(long userId);

    /** Step 2: the app's code proves the secret arrived; returns the enrollment with its ten recovery codes. */
    Optional<TotpEnrollment> verifyEnrollmentCode(TotpEnrollment enrollment, String code);

    /**
     * Step 3, Finish: stores secret and codes and turns two-factor authentication on, all in one transaction; the
     * person's other sessions end (the caller keeps its own with the account's new session generation).
     */
    FinishOutcome finishTotpEnrollment(TotpEnrollment enrollment, String clientAddress);

    /** Sign-in's second step: a code of the active method or a recovery code, with replay refusal and lockout. */
    CodeCheck checkCode(long userId, CodeKind kind, String code, String clientAddress);

    /** Step-up before a sensitive change: the password and a current code (or a recovery code). */
    CodeCheck confirmIdentity(long userId, String password, CodeKind kind, String code, String clientAddress);

    /**
     * Step-up for a person who has no second factor yet, before they bind one: the password alone. Wrong passwords
     * count towards the same lock as at sign-in. A person who has a second factor must use {@link #confirmIdentity}:
     * for them this answers {@link CodeCheck.Outcome#INVALID} without looking at the password.
     */
    CodeCheck confirmPassword(long userId, String password, String clientAddress);

    /** Ten new recovery codes to show; nothing is stored and the old codes keep working. */
    RecoveryCodeRenewal renewRecoveryCodes(long userId);

    /**
     * Finish of a renewal: the new codes replace every old one in one transaction; the caller must have confirmed the
     * person's identity. False when the person no longer has two-factor authentication.
     */
    boolean replaceRecoveryCodes(RecoveryCodeRenewal renewal, String clientAddress);

    /** The ten codes, used or not; the unused ones in clear only when the workspace allows showing them again. */
    List<RecoveryCodeEntry> recoveryCodes(long userId, String clientAddress);

    /**
     * Removes the second factor and every recovery code, and ends the person's other sessions; the caller must have
     * confirmed the person's identity.
     *
     * @throws TwoFactorRequiredException when the workspace requires two-factor authentication
     */
    void disable(long userId, String clientAddress);

    /** "Don't ask again" on the suggestion to turn two-factor authentication on. */
    void dismissPrompt(long userId);
}
