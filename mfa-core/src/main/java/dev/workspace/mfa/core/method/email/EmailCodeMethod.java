package dev.workspace.mfa.core.method.email;

import dev.workspace.mfa.core.account.EmailAddress;
import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.delivery.MaskedAddress;
import dev.workspace.mfa.core.delivery.OutgoingMessage;
import dev.workspace.mfa.core.method.EnrollmentRefusedException;
import dev.workspace.mfa.core.method.MethodDescription;
import dev.workspace.mfa.core.method.code.SentCodeMethod;
import dev.workspace.mfa.core.notification.MessageTexts;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A code sent by email: to the account's own address, or another one the person proves by reading the code. */
@ApplicationScoped
public class EmailCodeMethod extends SentCodeMethod {

    private static final MethodDescription DESCRIPTION =
            new MethodDescription(SecondFactorMethod.EMAIL, true, MethodDescription.Destination.EMAIL_ADDRESS, false);

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
    protected String acceptedDestination(String typed, String accountEmail) {
        String address = typed == null || typed.isBlank() ? accountEmail : EmailAddress.normalize(typed);
        if (!EmailAddress.isValid(address)) {
            throw new EnrollmentRefusedException(EnrollmentRefusedException.Reason.MALFORMED_EMAIL, null);
        }
        return address;
    }

    @Override
    protected String mask(String destination) {
        return MaskedAddress.email(destination);
    }

    @Override
    protected OutgoingMessage message(String address, String code, Client client) {
        String issuer = settings.issuer();
        return OutgoingMessage.email(address, MessageTexts.format("code.email.subject", issuer),
                MessageTexts.format("code.email.text", issuer, code, client.address()),
                MessageTexts.formatHtml("code.email.html", issuer, code, client.address()));
    }
}
