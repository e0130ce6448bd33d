package dev.workspace.mfa.core.method.sms;

import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.delivery.OutgoingMessage;
import dev.workspace.mfa.core.delivery.PhoneCheck;
import dev.workspace.mfa.core.delivery.PhoneNumbers;
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
import java.util.Map;

/**
 * A code sent by SMS to a mobile number, normalised to E.164 and limited to the workspace's regions (toll fraud).
 * Labelled the weakest option: SIM swaps and SS7 interception make SMS a "restricted" authenticator in NIST SP 800-63B.
 */
@ApplicationScoped
public class SmsCodeMethod implements TwoFactorMethod {

    private static final MethodDescription DESCRIPTION =
            new MethodDescription(SecondFactorMethod.SMS, true, MethodDescription.Destination.MOBILE_NUMBER, true);
    private static final Map<PhoneCheck.Outcome, EnrollmentRefusedException.Reason> REFUSALS = Map.of(
            PhoneCheck.Outcome.MALFORMED, EnrollmentRefusedException.Reason.MALFORMED_NUMBER,
            PhoneCheck.Outcome.NOT_MOBILE, EnrollmentRefusedException.Reason.NOT_A_MOBILE_NUMBER,
            PhoneCheck.Outcome.REGION_NOT_ALLOWED, EnrollmentRefusedException.Reason.REGION_NOT_ALLOWED);

    @Inject
    private SentCodes sentCodes;

    @Inject
    private PhoneNumbers phoneNumbers;

    @Inject
    private MfaSettings settings;

    @Override
    public SecondFactorMethod type() {
        return SecondFactorMethod.SMS;
    }

    @Override
    public MethodDescription description() {
        return DESCRIPTION;
    }

    @Override
    public MethodEnrollment begin(long userId, String accountEmail, String destination, Client client, LocalDateTime now) {
        PhoneCheck number = phoneNumbers.check(destination, settings.phoneRegion(), settings.smsRegions());
        if (!number.isValid()) {
            throw new EnrollmentRefusedException(REFUSALS.get(number.outcome()), null);
        }
        String e164 = number.e164().orElseThrow();
        Challenge sent = send(userId, CodePurpose.ENROLLMENT, e164, client, now);
        if (!sent.sent()) {
            throw new EnrollmentRefusedException(EnrollmentRefusedException.Reason.valueOf(sent.outcome().name()),
                    sent.retryAt());
        }
        return MethodEnrollment.started(userId, accountEmail, SecondFactorMethod.SMS, e164, null, null, now);
    }

    @Override
    public EnrollmentCheck confirm(MethodEnrollment enrollment, String code, LocalDateTime now) {
        CodeVerdict verdict = sentCodes.verify(enrollment.userId(), CodePurpose.ENROLLMENT, enrollment.destination(), code, now);
        return verdict == CodeVerdict.ACCEPTED ? EnrollmentCheck.verified(enrollment.verifiedAt(0)) : EnrollmentCheck.refused(verdict);
    }

    @Override
    public SecondFactorCredential credential(MethodEnrollment verified, LocalDateTime now) {
        return new SecondFactorCredential(verified.userId(), SecondFactorMethod.SMS, now, null, verified.destination(), -1);
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
        return PhoneNumbers.mask(credential.getDestination());
    }

    private Challenge send(long userId, CodePurpose purpose, String e164, Client client, LocalDateTime now) {
        String issuer = settings.issuer();
        return sentCodes.send(userId, purpose, SecondFactorMethod.SMS, e164, PhoneNumbers.mask(e164),
                code -> OutgoingMessage.sms(e164, MessageTexts.format("code.sms.text", issuer, code)), client, now);
    }
}
