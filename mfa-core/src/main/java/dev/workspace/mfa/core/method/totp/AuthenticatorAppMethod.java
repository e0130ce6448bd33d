package dev.workspace.mfa.core.method.totp;

import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.crypto.SecretCipher;
import dev.workspace.mfa.core.crypto.ServerKeys;
import dev.workspace.mfa.core.method.Challenge;
import dev.workspace.mfa.core.method.CodeVerdict;
import dev.workspace.mfa.core.method.EnrollmentCheck;
import dev.workspace.mfa.core.method.MethodDescription;
import dev.workspace.mfa.core.method.MethodEnrollment;
import dev.workspace.mfa.core.method.TwoFactorMethod;
import dev.workspace.mfa.core.method.TypedCode;
import dev.workspace.mfa.core.totp.KeyUri;
import dev.workspace.mfa.core.totp.Totp;
import dev.workspace.mfa.persistence.secondfactor.CodePurpose;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorCredential;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * An authenticator app (RFC 6238). The secret is sealed to its person with AES-GCM; a code is accepted only for a
 * time step later than the last accepted one, so neither the enrollment code nor any used code works again.
 */
@ApplicationScoped
public class AuthenticatorAppMethod implements TwoFactorMethod {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(AuthenticatorAppMethod.class.getName());
    private static final MethodDescription DESCRIPTION =
            new MethodDescription(SecondFactorMethod.TOTP, false, MethodDescription.Destination.NONE, false);

    @Inject
    private ServerKeys keys;

    @Inject
    private MfaSettings settings;

    @Inject
    private Clock clock;

    private final Totp totp = Totp.STANDARD;

    @Override
    public SecondFactorMethod type() {
        return SecondFactorMethod.TOTP;
    }

    @Override
    public MethodDescription description() {
        return DESCRIPTION;
    }

    @Override
    public MethodEnrollment begin(long userId, String accountEmail, String destination, Client client, LocalDateTime now) {
        byte[] secret = Totp.newSecret(RANDOM);
        return MethodEnrollment.started(userId, accountEmail, SecondFactorMethod.TOTP, null, secret,
                KeyUri.totp(settings.issuer(), accountEmail, secret), now);
    }

    @Override
    public EnrollmentCheck confirm(MethodEnrollment enrollment, String code, LocalDateTime now) {
        OptionalLong step = totp.matchingStep(enrollment.secret(), TypedCode.withoutSeparators(code), clock.instant().getEpochSecond(),
                enrollment.verifiedStep());
        return step.isPresent()
                ? EnrollmentCheck.verified(enrollment.verifiedAt(step.getAsLong()))
                : EnrollmentCheck.refused(CodeVerdict.INVALID);
    }

    @Override
    public SecondFactorCredential credential(MethodEnrollment verified, LocalDateTime now) {
        return new SecondFactorCredential(verified.userId(), SecondFactorMethod.TOTP, now,
                SecretCipher.encrypt(keys.totpSecretKey(), verified.secret(), secretContext(verified.userId())),
                null, verified.verifiedStep());
    }

    @Override
    public Challenge challenge(SecondFactorCredential credential, CodePurpose purpose, Client client, LocalDateTime now) {
        return Challenge.nothingToSend();
    }

    @Override
    public CodeVerdict verify(SecondFactorCredential credential, CodePurpose purpose, String code, LocalDateTime now) {
        byte[] secret;
        try {
            secret = SecretCipher.decrypt(keys.totpSecretKey(), credential.getSecret(), secretContext(credential.getUserId()));
        } catch (IllegalStateException unreadable) {
            // Altered, copied from another person's row, or sealed with another master key: no code can match. The
            // caller counts and audits a refused code; an exception would roll that back and reach the sign-in page.
            LOG.severe("The stored TOTP secret of user " + credential.getUserId()
                    + " cannot be decrypted (altered row or another master key); the code is refused");
            return CodeVerdict.INVALID;
        }
        OptionalLong step = totp.matchingStep(secret, TypedCode.withoutSeparators(code), clock.instant().getEpochSecond(),
                credential.getLastAcceptedStep());
        step.ifPresent(credential::setLastAcceptedStep);
        return step.isPresent() ? CodeVerdict.ACCEPTED : CodeVerdict.INVALID;
    }

    @Override
    public String maskedDestination(SecondFactorCredential credential) {
        return null;
    }

    /** Binds the ciphertext to its person, so a secret copied into another person's row does not decrypt. */
    private static String secretContext(long userId) {
        return "totp-secret:" + userId;
    }
}
