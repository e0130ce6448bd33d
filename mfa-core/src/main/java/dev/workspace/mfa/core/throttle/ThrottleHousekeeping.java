package dev.workspace.mfa.core.throttle;

import dev.workspace.mfa.core.cluster.ClusterTasks;
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
 * cluster would be harmless, but one node does it for all.
 */
@Singleton
public class ThrottleHousekeeping {

    static final Duration KEPT_FOR = Duration.ofDays(1);

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private ClusterTasks tasks;

    @Schedule(hour = "*", minute = "17", persistent = false)
    public void forgetStaleCounters() {
        if (!tasks.claimRun("throttle-housekeeping", Duration.ofHours(1))) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        em.createNamedQuery(SignInThrottle.DELETE_STALE)
                .setParameter("before", now.minus(KEPT_FOR))
                .setParameter("now", now)
                .executeUpdate();
    }
}
