package dev.workspace.mfa.core.throttle;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AddressLimitTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 1, 9, 0);
    private final AddressLimit limit = AddressLimit.DEFAULT;

    @Test
    void theHundredthFailureInAWindowBlocksUntilTheWindowEnds() {
        AddressLimit.AfterFailure ninetyNinth = limit.afterFailure(98, START, START.plusMinutes(14));
        assertEquals(99, ninetyNinth.failures());
        assertNull(ninetyNinth.blockedUntil());
        AddressLimit.AfterFailure hundredth = limit.afterFailure(99, START, START.plusMinutes(14));
        assertEquals(START.plusMinutes(15), hundredth.blockedUntil(), "blocked until the window ends, not 15 minutes on");
    }

    @Test
    void aFailureAfterTheWindowStartsANewOne() {
        LocalDateTime later = START.plus(Duration.ofMinutes(15));
        AddressLimit.AfterFailure fresh = limit.afterFailure(99, START, later);
        assertEquals(1, fresh.failures());
        assertEquals(later, fresh.windowStartedAt());
        assertNull(fresh.blockedUntil());
    }
}
