package dev.workspace.mfa.core.verification;

import java.time.LocalDateTime;

/**
 * The result of checking a second-factor code. {@code recoveryCodesLeft} is set when a recovery code was used;
 * {@code lockedUntil} when the second factor is locked.
 */
public record CodeCheck(Outcome outcome, LocalDateTime lockedUntil, int recoveryCodesLeft) {

    public enum Outcome {
        ACCEPTED, INVALID, LOCKED, NOT_ENROLLED, EXPIRED,
        /** The password of a directory person could not be checked: no server of the directory answered. */
        UNAVAILABLE
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }

    public static CodeCheck accepted(int recoveryCodesLeft) {
        return new CodeCheck(Outcome.ACCEPTED, null, recoveryCodesLeft);
    }

    public static CodeCheck of(Outcome outcome) {
        return new CodeCheck(outcome, null, -1);
    }

    public static CodeCheck locked(LocalDateTime until) {
        return new CodeCheck(Outcome.LOCKED, until, -1);
    }
}
