package dev.workspace.mfa.core.throttle;

import dev.workspace.mfa.persistence.throttle.SignInThrottle;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Every hour, forgets failure counters that began over a day ago and hold no lock: every mistyped email leaves a row,
 * and a few failures from yesterday should not bring today's lock closer. Idempotent, so running on every node of a
 * cluster is harmless.
 */
@Singleton
public class ThrottleHousekeeping {

    static final Duration KEPT_FOR = Duration.ofDays(1);

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Schedule(hour = "*", minute = "17", persistent = false)
    public void forgetStaleCounters() {
        LocalDateTime now = LocalDateTime.now(clock);
        em.createNamedQuery(SignInThrottle.DELETE_STALE)
                .setParameter("before", now.minus(KEPT_FOR))
                .setParameter("now", now)
                .executeUpdate();
    }
}
