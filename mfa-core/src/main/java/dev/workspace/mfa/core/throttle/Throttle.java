package dev.workspace.mfa.core.throttle;

import dev.workspace.mfa.persistence.throttle.SignInThrottle;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one failure counter and lockout rule of the application. Password failures (per email), second-factor failures
 * (per person) and codes sent by email or SMS (per person and per client address) are all counted here, in rows
 * locked for the caller's transaction, so that parallel requests on any node count one by one.
 */
@Stateless
public class Throttle {

    @Inject
    private ThrottleCounters counters;

    private final LockoutRule rule = LockoutRule.DEFAULT;

    /** After counting: the end of a running lock or block (null when none), and whether this count started it. */
    public record Counted(LocalDateTime lockedUntil, boolean started) {
        public boolean locked() {
            return lockedUntil != null;
        }
    }

    /** A counter and the limit it is held to. */
    public record Window(String key, WindowLimit limit) {
    }

    /** The end of the key's running lock, read without a row lock: for a quick refusal before slow work. */
    public Optional<LocalDateTime> lockedUntil(String key, LocalDateTime now) {
        return running(counters.peek(key), now);
    }

    /**
     * One more consecutive failure under {@link LockoutRule#DEFAULT}; while a lock runs nothing is counted and the
     * lock is returned.
     *
     * @param accountId the known person the counter is about, or null (an unknown email)
     */
    public Counted countFailure(String key, Long accountId, LocalDateTime now) {
        SignInThrottle counter = counters.locked(key, now);
        if (accountId != null) {
            counter.setAccountId(accountId);
        }
        Optional<LocalDateTime> running = running(Optional.of(counter), now);
        if (running.isPresent()) {
            return new Counted(running.get(), false);
        }
        LockoutRule.AfterFailure after = rule.afterFailure(counter.getFailures(), now);
        counter.setFailures(after.failures());
        counter.setLockedUntil(after.lockedUntil());
        return new Counted(after.lockedUntil(), after.locked());
    }

    /** A success: the consecutive failures start again, unless a lock is running (returned, and kept). */
    public Optional<LocalDateTime> clearFailures(String key, LocalDateTime now) {
        Optional<SignInThrottle> counter = counters.lockedIfPresent(key);
        Optional<LocalDateTime> running = running(counter, now);
        if (running.isEmpty()) {
            counter.ifPresent(counters::remove);
        }
        return running;
    }

    /** The end of the key's running lock, read under the row lock, so a success cannot slip past a lock just begun. */
    public Optional<LocalDateTime> lockedUntilForUpdate(String key, LocalDateTime now) {
        return running(counters.lockedIfPresent(key), now);
    }

    /** One more event in the key's window; while the window is full nothing is counted and the block is returned. */
    public Counted countInWindow(String key, WindowLimit limit, LocalDateTime now) {
        return countInWindows(List.of(new Window(key, limit)), now);
    }

    /**
     * One more event in every window, or none at all when any of them is full: then the latest block end is returned.
     * The rows are locked in the given order, so callers that list windows in one order cannot deadlock.
     */
    public Counted countInWindows(List<Window> windows, LocalDateTime now) {
        List<SignInThrottle> rows = windows.stream().map(w -> counters.locked(w.key(), now)).toList();
        Optional<LocalDateTime> blocked = rows.stream().map(row -> running(Optional.of(row), now))
                .flatMap(Optional::stream).max(Comparator.naturalOrder());
        if (blocked.isPresent()) {
            return new Counted(blocked.get(), false);
        }
        LocalDateTime started = null;
        for (int i = 0; i < rows.size(); i++) {
            SignInThrottle row = rows.get(i);
            WindowLimit.AfterCount after = windows.get(i).limit().afterOneMore(row.getFailures(), row.getWindowStartedAt(), now);
            row.setFailures(after.count());
            row.setWindowStartedAt(after.windowStartedAt());
            row.setLockedUntil(after.blockedUntil());
            if (after.blockedUntil() != null && (started == null || after.blockedUntil().isAfter(started))) {
                started = after.blockedUntil();
            }
        }
        return new Counted(started, started != null);
    }

    private Optional<LocalDateTime> running(Optional<SignInThrottle> counter, LocalDateTime now) {
        return counter.map(SignInThrottle::getLockedUntil).filter(until -> rule.isLocked(until, now));
    }
}
