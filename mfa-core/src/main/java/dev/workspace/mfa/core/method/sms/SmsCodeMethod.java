package dev.workspace.mfa.core.method.sms;

import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.delivery.OutgoingMessage;
import dev.workspace.mfa.core.delivery.PhoneCheck;
import dev.workspace.mfa.core.delivery.PhoneNumbers;
import dev.workspace.mfa.core.method.EnrollmentRefusedException;
import dev.workspace.mfa.core.method.MethodDescription;
import dev.workspace.mfa.core.method.code.SentCodeMethod;
import dev.workspace.mfa.core.notification.MessageTexts;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * A code sent by SMS to a mobile number, normalised to E.164 and limited to the workspace's regions (toll fraud).
 * Labelled the weakest option: SIM swaps and SS7 interception make SMS a "restricted" authenticator in NIST SP 800-63B.
 */
@ApplicationScoped
public class SmsCodeMethod extends SentCodeMethod {

    private static final MethodDescription DESCRIPTION =
            new MethodDescription(SecondFactorMethod.SMS, true, MethodDescription.Destination.MOBILE_NUMBER, true);
    private static final Map<PhoneCheck.Outcome, EnrollmentRefusedException.Reason> REFUSALS = Map.of(
            PhoneCheck.Outcome.MALFORMED, EnrollmentRefusedException.Reason.MALFORMED_NUMBER,
            PhoneCheck.Outcome.NOT_MOBILE, EnrollmentRefusedException.Reason.NOT_A_MOBILE_NUMBER,
            PhoneCheck.Outcome.REGION_NOT_ALLOWED, EnrollmentRefusedException.Reason.REGION_NOT_ALLOWED);

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
    protected String acceptedDestination(String typed, String accountEmail) {
        PhoneCheck number = phoneNumbers.check(typed, settings.phoneRegion(), settings.smsRegions());
        if (!number.isValid()) {
            throw new EnrollmentRefusedException(REFUSALS.get(number.outcome()), null);
        }
        return number.e164().orElseThrow();
    }

    @Override
    protected String mask(String destination) {
        return PhoneNumbers.mask(destination);
    }

    @Override
    protected OutgoingMessage message(String e164, String code, Client client) {
        return OutgoingMessage.sms(e164, MessageTexts.format("code.sms.text", settings.issuer(), code));
    }
}
