package dev.workspace.mfa.core.method.code;

import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.delivery.OutgoingMessage;
import dev.workspace.mfa.core.method.Challenge;
import dev.workspace.mfa.core.method.CodeVerdict;
import dev.workspace.mfa.core.method.EnrollmentCheck;
import dev.workspace.mfa.core.method.EnrollmentRefusedException;
import dev.workspace.mfa.core.method.MethodEnrollment;
import dev.workspace.mfa.core.method.TwoFactorMethod;
import dev.workspace.mfa.persistence.secondfactor.CodePurpose;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorCredential;
import jakarta.inject.Inject;

import java.time.LocalDateTime;

/**
 * A method whose codes are sent to a destination (an email address, a mobile number). Setting it up sends a code to
 * the destination given, and only that code proves it, so nobody can bind a destination they cannot read. The
 * subclasses say how a destination is checked, shown and written to.
 */
public abstract class SentCodeMethod implements TwoFactorMethod {

    @Inject
    private SentCodes sentCodes;

    /**
     * The destination in its stored form.
     *
     * @throws EnrollmentRefusedException when it is not acceptable
     */
    protected abstract String acceptedDestination(String typed, String accountEmail);

    /** The destination as a page may show it. */
    protected abstract String mask(String destination);

    /** The message carrying a code. */
    protected abstract OutgoingMessage message(String destination, String code, Client client);

    @Override
    public MethodEnrollment begin(long userId, String accountEmail, String destination, Client client, LocalDateTime now) {
        String accepted = acceptedDestination(destination, accountEmail);
        Challenge sent = send(userId, CodePurpose.ENROLLMENT, accepted, client, now);
        if (!sent.sent()) {
            throw new EnrollmentRefusedException(EnrollmentRefusedException.Reason.valueOf(sent.outcome().name()),
                    sent.retryAt());
        }
        return MethodEnrollment.started(userId, accountEmail, type(), accepted, null, null, now);
    }

    @Override
    public EnrollmentCheck confirm(MethodEnrollment enrollment, String code, LocalDateTime now) {
        CodeVerdict verdict = sentCodes.verify(enrollment.userId(), CodePurpose.ENROLLMENT, enrollment.destination(), code, now);
        return verdict == CodeVerdict.ACCEPTED ? EnrollmentCheck.verified(enrollment.verifiedAt(0)) : EnrollmentCheck.refused(verdict);
    }

    @Override
    public SecondFactorCredential credential(MethodEnrollment verified, LocalDateTime now) {
        return new SecondFactorCredential(verified.userId(), type(), now, null, verified.destination(), -1);
    }

    @Override
    public Challenge challenge(SecondFactorCredential credential, CodePurpose purpose, Client client, LocalDateTime now) {
        return send(credential.getUserId(), purpose, credential.getDestination(), client, now);
    }

    @Override
    public CodeVerdict verify(SecondFactorCredential credential, CodePurpose purpose, String code, LocalDateTime now) {
        return sentCodes.verify(credential.getUserId(), purpose, credential.getDestination(), code, now);
    }

    @Override
    public String maskedDestination(SecondFactorCredential credential) {
        return mask(credential.getDestination());
    }

    private Challenge send(long userId, CodePurpose purpose, String destination, Client client, LocalDateTime now) {
        return sentCodes.send(userId, purpose, type(), destination, mask(destination),
                code -> message(destination, code, client), client, now);
    }
}
