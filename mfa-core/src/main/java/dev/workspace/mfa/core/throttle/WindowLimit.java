package dev.workspace.mfa.core.throttle;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * At most {@code max} events per fixed window, counted from the window's first event; once the window holds
 * {@code max}, further events are refused until the window ends. Used for password failures from one client address
 * (set well above what an office behind one NAT produces by mistyping, and not reset by a success, so that one valid
 * account cannot reopen the window for guesses at others) and for codes sent by email or SMS (toll fraud and
 * mail bombing).
 */
public record WindowLimit(int max, Duration window) {

    /** Password failures from one client address: 100 in 15 minutes. */
    public static final WindowLimit PASSWORD_FAILURES_PER_ADDRESS = new WindowLimit(100, Duration.ofMinutes(15));
    /** Codes sent to one person: 5 an hour… */
    public static final WindowLimit CODES_PER_ACCOUNT_HOUR = new WindowLimit(5, Duration.ofHours(1));
    /** …and 20 a day. */
    public static final WindowLimit CODES_PER_ACCOUNT_DAY = new WindowLimit(20, Duration.ofDays(1));
    /** Codes sent on behalf of one client address: 20 an hour. */
    public static final WindowLimit CODES_PER_ADDRESS_HOUR = new WindowLimit(20, Duration.ofHours(1));
    /** "Forgot password?" links, per email (known or not) and per client address. */
    public static final WindowLimit RESET_LINKS_PER_EMAIL = new WindowLimit(3, Duration.ofHours(1));
    public static final WindowLimit RESET_LINKS_PER_ADDRESS = new WindowLimit(20, Duration.ofHours(1));

    /** The window after one more event, and the end of the block when this event fills it. */
    public record AfterCount(int count, LocalDateTime windowStartedAt, LocalDateTime blockedUntil) {
    }

    public AfterCount afterOneMore(int countBefore, LocalDateTime windowStartedAt, LocalDateTime now) {
        boolean windowOver = !now.isBefore(windowStartedAt.plus(window));
        int count = windowOver ? 1 : countBefore + 1;
        LocalDateTime start = windowOver ? now : windowStartedAt;
        return new AfterCount(count, start, count >= max ? start.plus(window) : null);
    }
}
