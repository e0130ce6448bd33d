package dev.workspace.mfa.core.throttle;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Consecutive failures lock a step of sign-in for a while. The same rule, with its own counter, applies to the
 * password and to the second factor, so that one part's failures never reveal or reset the other's.
 */
public record LockoutRule(int maxConsecutiveFailures, Duration lockDuration) {

    /** 10 consecutive failures lock for 15 minutes (docs/security.md#lockout). */
    public static final LockoutRule DEFAULT = new LockoutRule(10, Duration.ofMinutes(15));

    /** State after one more failure: the new count, and the end of the lock when this failure starts one. */
    public record AfterFailure(int failures, LocalDateTime lockedUntil) {
        public boolean locked() {
            return lockedUntil != null;
        }
    }

    public boolean isLocked(LocalDateTime lockedUntil, LocalDateTime now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** The counter starts again from zero once a lock begins, so the next lock needs a full run of failures. */
    public AfterFailure afterFailure(int failuresBefore, LocalDateTime now) {
        int failures = failuresBefore + 1;
        if (failures >= maxConsecutiveFailures) {
            return new AfterFailure(0, now.plus(lockDuration));
        }
        return new AfterFailure(failures, null);
    }
}
