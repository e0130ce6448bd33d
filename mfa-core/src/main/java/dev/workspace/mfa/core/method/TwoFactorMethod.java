package dev.workspace.mfa.core.method;

import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.persistence.secondfactor.CodePurpose;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorCredential;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;

import java.time.LocalDateTime;

/**
 * One kind of second factor. The orchestrating service and the pages know methods only through this interface, so an
 * authenticator app, an emailed code and a texted code are siblings, and a new kind (security keys) is one more bean.
 * Enrollment happens in three calls ({@link #begin}, {@link #confirm}, {@link #credential}); sign-in and step-up in
 * two ({@link #challenge}, {@link #verify}). Callers hold the row lock of the person's account or credential.
 */
public interface TwoFactorMethod {

    SecondFactorMethod type();

    /** What the pages say about this method. */
    MethodDescription description();

    /**
     * Step 1 of setting up: a TOTP secret to scan, or a code sent to the typed address or number.
     *
     * @param destination what the person typed (an email address, a mobile number); ignored by the authenticator app
     * @throws EnrollmentRefusedException when the destination is not acceptable or no code could be sent
     */
    MethodEnrollment begin(long userId, String accountEmail, String destination, Client client, LocalDateTime now);

    /** Step 2: the code proves the app or the address works; the enrollment as verified, or the reason it is not. */
    EnrollmentCheck confirm(MethodEnrollment enrollment, String code, LocalDateTime now);

    /** Step 3: the credential to store for a verified enrollment. */
    SecondFactorCredential credential(MethodEnrollment verified, LocalDateTime now);

    /** Before a code is asked for: nothing for an app; for email and SMS a code is sent. */
    Challenge challenge(SecondFactorCredential credential, CodePurpose purpose, Client client, LocalDateTime now);

    /** Checks a code for the purpose; an accepted code can never be accepted again. */
    CodeVerdict verify(SecondFactorCredential credential, CodePurpose purpose, String code, LocalDateTime now);

    /** Where codes go, in a form safe to show on a page (or null for an app). */
    String maskedDestination(SecondFactorCredential credential);
}
