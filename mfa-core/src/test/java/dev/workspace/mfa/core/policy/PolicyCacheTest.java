package dev.workspace.mfa.core.policy;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class PolicyCacheTest {

    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

    private final PolicyCache cache = new PolicyCache();
    private final AtomicInteger reads = new AtomicInteger();
    private final Supplier<WorkspacePolicy> database = () -> policy(reads.incrementAndGet());

    private static WorkspacePolicy policy(int graceDays) {
        return new WorkspacePolicy(false, graceDays, null, Set.of("TOTP"), false, 30, true, Set.of(), Set.of());
    }

    @Test
    void readsTheDatabaseOnceWhileFresh() {
        WorkspacePolicy first = cache.get(T0, database);
        assertSame(first, cache.get(T0.plus(PolicyCache.FRESH_FOR).minusMillis(1), database));
        assertEquals(1, reads.get());
    }

    @Test
    void readsAgainOnceStale() {
        cache.get(T0, database);
        assertEquals(2, cache.get(T0.plus(PolicyCache.FRESH_FOR), database).graceDays());
    }

    @Test
    void aChangeOnThisNodeIsSeenAtOnce() {
        cache.get(T0, database);
        cache.forget();
        assertEquals(2, cache.get(T0.plusMillis(1), database).graceDays());
    }

    @Test
    void aClockSetBackDoesNotKeepAnOldAnswer() {
        cache.get(T0, database);
        assertEquals(2, cache.get(T0.minusSeconds(60), database).graceDays());
    }
}
