package dev.workspace.mfa.core.throttle;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WindowLimitTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 1, 9, 0);
    private final WindowLimit limit = WindowLimit.PASSWORD_FAILURES_PER_ADDRESS;

    @Test
    void theHundredthFailureInAWindowBlocksUntilTheWindowEnds() {
        WindowLimit.AfterCount ninetyNinth = limit.afterOneMore(98, START, START.plusMinutes(14));
        assertEquals(99, ninetyNinth.count());
        assertNull(ninetyNinth.blockedUntil());
        WindowLimit.AfterCount hundredth = limit.afterOneMore(99, START, START.plusMinutes(14));
        assertEquals(START.plusMinutes(15), hundredth.blockedUntil(), "blocked until the window ends, not 15 minutes on");
    }

    @Test
    void aFailureAfterTheWindowStartsANewOne() {
        LocalDateTime later = START.plus(Duration.ofMinutes(15));
        WindowLimit.AfterCount fresh = limit.afterOneMore(99, START, later);
        assertEquals(1, fresh.count());
        assertEquals(later, fresh.windowStartedAt());
        assertNull(fresh.blockedUntil());
    }
}
