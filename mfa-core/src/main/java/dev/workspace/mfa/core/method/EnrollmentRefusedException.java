package dev.workspace.mfa.core.method;

import jakarta.ejb.ApplicationException;

import java.time.LocalDateTime;

/**
 * Setting up a method could not start: the reason, for the page to explain, and when to retry where it applies.
 * Nothing is rolled back: no code was stored, and what was written on the way (a refused or failed sending's audit
 * event, the sending counters) must stay, as it does when a sign-in code is refused.
 */
@ApplicationException(rollback = false)
public class EnrollmentRefusedException extends RuntimeException {

    public enum Reason {
        NOT_ALLOWED, MALFORMED_EMAIL, MALFORMED_NUMBER, NOT_A_MOBILE_NUMBER, REGION_NOT_ALLOWED, TOO_SOON, LIMITED,
        NOT_SENT
    }

    private final Reason reason;
    private final LocalDateTime retryAt;

    public EnrollmentRefusedException(Reason reason, LocalDateTime retryAt) {
        super(reason.name(), null, false, false);
        this.reason = reason;
        this.retryAt = retryAt;
    }

    public Reason reason() {
        return reason;
    }

    public LocalDateTime retryAt() {
        return retryAt;
    }
}
