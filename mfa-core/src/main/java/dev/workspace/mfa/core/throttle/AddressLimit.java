package dev.workspace.mfa.core.throttle;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Password failures from one client address, counted over a fixed window from its first failure; when the window holds
 * {@code maxFailures}, sign-in from that address is refused until the window ends. Set well above what an office behind
 * one NAT or proxy produces by mistyping, so that it slows an attack across many accounts without locking people out;
 * a success does not reset it (one valid account must not reopen the window for guesses at others).
 */
public record AddressLimit(int maxFailures, Duration window) {

    /** 100 failures in 15 minutes. */
    public static final AddressLimit DEFAULT = new AddressLimit(100, Duration.ofMinutes(15));

    /** The window after one more failure, and the end of the block when this failure fills it. */
    public record AfterFailure(int failures, LocalDateTime windowStartedAt, LocalDateTime blockedUntil) {
    }

    public AfterFailure afterFailure(int failuresBefore, LocalDateTime windowStartedAt, LocalDateTime now) {
        boolean windowOver = !now.isBefore(windowStartedAt.plus(window));
        int failures = windowOver ? 1 : failuresBefore + 1;
        LocalDateTime start = windowOver ? now : windowStartedAt;
        return new AfterFailure(failures, start, failures >= maxFailures ? start.plus(window) : null);
    }
}
