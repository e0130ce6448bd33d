package dev.workspace.mfa.core.method.email;

import dev.workspace.mfa.core.account.EmailAddress;
import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.delivery.MaskedAddress;
import dev.workspace.mfa.core.delivery.OutgoingMessage;
import dev.workspace.mfa.core.method.Challenge;
import dev.workspace.mfa.core.method.CodeVerdict;
import dev.workspace.mfa.core.method.EnrollmentCheck;
import dev.workspace.mfa.core.method.EnrollmentRefusedException;
import dev.workspace.mfa.core.method.MethodDescription;
import dev.workspace.mfa.core.method.MethodEnrollment;
import dev.workspace.mfa.core.method.TwoFactorMethod;
import dev.workspace.mfa.core.method.code.SentCodes;
import dev.workspace.mfa.core.notification.MessageTexts;
import dev.workspace.mfa.persistence.secondfactor.CodePurpose;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorCredential;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDateTime;

/**
 * A code sent by email. Setting it up sends a code to the address given (the account's own, or another one the person
 * reads), and only that code proves the address, so nobody can bind an address they cannot read.
 */
@ApplicationScoped
public class EmailCodeMethod implements TwoFactorMethod {

    private static final MethodDescription DESCRIPTION =
            new MethodDescription(SecondFactorMethod.EMAIL, true, MethodDescription.Destination.EMAIL_ADDRESS, false);

    @Inject
    private SentCodes sentCodes;

    @Inject
    private MfaSettings settings;

    @Override
    public SecondFactorMethod type() {
        return SecondFactorMethod.EMAIL;
    }

    @Override
    public MethodDescription description() {
        return DESCRIPTION;
    }

    @Override
    public MethodEnrollment begin(long userId, String accountEmail, String destination, Client client, LocalDateTime now) {
        String address = destination == null || destination.isBlank() ? accountEmail : EmailAddress.normalize(destination);
        if (!EmailAddress.isValid(address)) {
            throw new EnrollmentRefusedException(EnrollmentRefusedException.Reason.MALFORMED_EMAIL, null);
        }
        Challenge sent = send(userId, CodePurpose.ENROLLMENT, address, client, now);
        if (!sent.sent()) {
            throw new EnrollmentRefusedException(EnrollmentRefusedException.Reason.valueOf(sent.outcome().name()),
                    sent.retryAt());
        }
        return MethodEnrollment.started(userId, accountEmail, SecondFactorMethod.EMAIL, address, null, null, now);
    }

    @Override
    public EnrollmentCheck confirm(MethodEnrollment enrollment, String code, LocalDateTime now) {
        CodeVerdict verdict = sentCodes.verify(enrollment.userId(), CodePurpose.ENROLLMENT, enrollment.destination(), code, now);
        return verdict == CodeVerdict.ACCEPTED ? EnrollmentCheck.verified(enrollment.verifiedAt(0)) : EnrollmentCheck.refused(verdict);
    }

    @Override
    public SecondFactorCredential credential(MethodEnrollment verified, LocalDateTime now) {
        return new SecondFactorCredential(verified.userId(), SecondFactorMethod.EMAIL, now, null, verified.destination(), -1);
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
        return MaskedAddress.email(credential.getDestination());
    }

    private Challenge send(long userId, CodePurpose purpose, String address, Client client, LocalDateTime now) {
        String issuer = settings.issuer();
        return sentCodes.send(userId, purpose, SecondFactorMethod.EMAIL, address, MaskedAddress.email(address),
                code -> new OutgoingMessage(OutgoingMessage.Channel.EMAIL, address,
                        MessageTexts.format("code.email.subject", issuer),
                        MessageTexts.format("code.email.text", issuer, code, client.address()),
                        MessageTexts.formatHtml("code.email.html", issuer, code, client.address())),
                client, now);
    }
}
