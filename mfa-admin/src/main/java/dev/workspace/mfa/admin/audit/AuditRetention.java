package dev.workspace.mfa.admin.audit;

import dev.workspace.mfa.core.cluster.ClusterTasks;
import dev.workspace.mfa.core.config.MfaSettings;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.logging.Logger;

/**
 * Keeps the audit log to {@code MFA_AUDIT_RETENTION_DAYS} days (400 by default): every night, older events are
 * deleted in batches, each in its own short transaction, so the log stays writable meanwhile.
 */
@Singleton
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @Inject
    private AuditPurge purge;

    @Inject
    private MfaSettings settings;

    @Inject
    private Clock clock;

    @Inject
    private ClusterTasks tasks;

    @Schedule(hour = "3", minute = "17", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void applyRetention() {
        if (!tasks.claimRun("audit-retention", Duration.ofDays(1))) {
            return;
        }
        LocalDateTime before = LocalDateTime.now(clock).minusDays(settings.auditRetentionDays());
        long deleted = 0;
        int batch;
        do {
            batch = purge.deleteBatchBefore(before);
            deleted += batch;
        } while (batch == AuditPurge.BATCH);
        if (deleted > 0) {
            long total = deleted;
            LOG.info(() -> "Audit retention: deleted " + total + " events older than " + before + " UTC");
        }
    }
}
