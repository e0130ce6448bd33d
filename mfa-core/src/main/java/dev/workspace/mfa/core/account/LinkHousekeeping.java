package dev.workspace.mfa.core.account;

import dev.workspace.mfa.core.cluster.ClusterTasks;
import dev.workspace.mfa.persistence.people.AccountLink;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Every hour, deletes set-password links that expired over a day ago: each "Forgot password?" leaves a row, and a
 * spent or expired link is of no use to anyone. One node of a cluster does it for all.
 */
@Singleton
public class LinkHousekeeping {

    static final Duration KEPT_AFTER_EXPIRY = Duration.ofDays(1);

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private ClusterTasks tasks;

    @Schedule(hour = "*", minute = "23", persistent = false)
    public void deleteExpiredLinks() {
        if (!tasks.claimRun("link-housekeeping", Duration.ofHours(1))) {
            return;
        }
        em.createNamedQuery(AccountLink.DELETE_EXPIRED)
                .setParameter("before", LocalDateTime.now(clock).minus(KEPT_AFTER_EXPIRY))
                .executeUpdate();
    }
}
