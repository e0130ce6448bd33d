package dev.workspace.mfa.core.directory;

import dev.workspace.mfa.core.audit.Actor;
import dev.workspace.mfa.core.audit.Actors;
import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.cluster.ClusterTasks;
import dev.workspace.mfa.persistence.audit.AuditEvent;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Each sync runs in one transaction: a leaver is deactivated and their sessions end on every node at once. The hourly
 * run is idempotent, so every node of a cluster may run it.
 */
@Stateless
public class DirectorySyncBean implements DirectorySync {

    private static final Logger LOG = Logger.getLogger(DirectorySyncBean.class.getName());

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private CompanyDirectory directory;

    @Inject
    private DirectoryAccounts accounts;

    @Inject
    private Actors actors;

    @Inject
    private AuditLog audit;

    @Inject
    private ClusterTasks tasks;

    @Override
    @RolesAllowed({"admin", "owner"})
    public Optional<SyncReport> synchroniseNow(Client client) throws DirectoryUnavailableException {
        if (!directory.configured()) {
            return Optional.empty();
        }
        Actor actor = actors.current();
        SyncReport report = accounts.synchronise(directory.everyone());
        audit.recordBy(actor, AuditEventType.DIRECTORY_SYNCED, null, null, client.address(), describe(report));
        return Optional.of(report);
    }

    @Override
    public boolean configured() {
        return directory.configured();
    }

    @Override
    @RolesAllowed({"admin", "owner"})
    public Optional<SyncRun> lastRun() {
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.type = :type ORDER BY e.occurredAt DESC", AuditEvent.class)
                .setParameter("type", AuditEventType.DIRECTORY_SYNCED).setMaxResults(1).getResultStream().findFirst()
                .map(event -> new SyncRun(event.getOccurredAt().toInstant(ZoneOffset.UTC), event.getDetail()));
    }

    @Schedule(hour = "*", minute = "37", persistent = false)
    public void hourly() {
        if (!directory.configured() || !tasks.claimRun("directory-sync", Duration.ofHours(1))) {
            return;
        }
        try {
            SyncReport report = accounts.synchronise(directory.everyone());
            audit.recordBy(Actor.DIRECTORY, AuditEventType.DIRECTORY_SYNCED, null, null, null, describe(report));
        } catch (DirectoryUnavailableException e) {
            LOG.warning("Directory sync skipped: the directory is unavailable; the next run tries again");
        }
    }

    private static String describe(SyncReport report) {
        return report.listed() + " in the directory, " + report.refreshed() + " refreshed, " + report.deactivated()
                + " deactivated";
    }
}
