package dev.workspace.mfa.core.throttle;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LockoutRuleTest {

    private final LockoutRule rule = LockoutRule.DEFAULT;
    private final LocalDateTime now = LocalDateTime.of(2026, 11, 23, 12, 0);

    @Test
    void nineFailuresCountTheTenthLocksForFifteenMinutes() {
        int failures = 0;
        for (int i = 1; i <= 9; i++) {
            LockoutRule.AfterFailure after = rule.afterFailure(failures, now);
            assertFalse(after.locked(), "failure " + i);
            assertEquals(i, after.failures());
            failures = after.failures();
        }
        LockoutRule.AfterFailure tenth = rule.afterFailure(failures, now);
        assertTrue(tenth.locked());
        assertEquals(now.plusMinutes(15), tenth.lockedUntil());
        assertEquals(0, tenth.failures(), "the next lock needs a full run of failures");
    }

    @Test
    void aLockEndsExactlyAtItsEnd() {
        LocalDateTime until = now.plusMinutes(15);
        assertTrue(rule.isLocked(until, now));
        assertTrue(rule.isLocked(until, until.minusSeconds(1)));
        assertFalse(rule.isLocked(until, until));
        assertFalse(rule.isLocked(null, now));
    }

    @Test
    void aFailureBelowTheLimitStartsNoLock() {
        assertNull(rule.afterFailure(0, now).lockedUntil());
    }
}
