package dev.workspace.mfa.core.delivery;

import java.util.Objects;
import java.util.Optional;

/** What {@link PhoneNumbers#check} made of a typed number: the E.164 form when it may receive SMS, else why not. */
public record PhoneCheck(Outcome outcome, Optional<String> e164) {

    public enum Outcome {
        VALID,
        /** Not a phone number, or one without country code where the workspace has no default region. */
        MALFORMED,
        /** A number that cannot receive SMS, such as a landline or a premium-rate number. */
        NOT_MOBILE,
        /** A mobile number of a country the workspace does not send SMS to (MFA_SMS_REGIONS). */
        REGION_NOT_ALLOWED
    }

    public PhoneCheck {
        Objects.requireNonNull(outcome, "outcome");
        if (e164.isPresent() != (outcome == Outcome.VALID)) {
            throw new IllegalArgumentException("exactly a valid check has an E.164 number");
        }
    }

    static PhoneCheck valid(String e164) {
        return new PhoneCheck(Outcome.VALID, Optional.of(e164));
    }

    static PhoneCheck refused(Outcome outcome) {
        return new PhoneCheck(outcome, Optional.empty());
    }

    public boolean isValid() {
        return outcome == Outcome.VALID;
    }
}
