package dev.workspace.mfa.core.cluster;

import dev.workspace.mfa.persistence.cluster.ClusterTask;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.logging.Logger;

@Stateless
public class ClusterTasksBean implements ClusterTasks {

    private static final Logger LOG = Logger.getLogger(ClusterTasksBean.class.getName());
    /** "pid@host": which node ran a task, for whoever reads the table. */
    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claimRun(String task, Duration period) {
        LocalDateTime now = LocalDateTime.now(clock);
        boolean claimed = em.createNamedQuery(ClusterTask.CLAIM)
                .setParameter("now", now)
                .setParameter("node", NODE)
                .setParameter("name", task)
                .setParameter("lastRunBefore", now.minus(period.dividedBy(2)))
                .executeUpdate() == 1;
        if (!claimed) {
            requireRow(task, LockModeType.NONE);
            LOG.fine(() -> task + ": already started by another node");
        }
        return claimed;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void holdUntilCommit(String task) {
        requireRow(task, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Reads the task's row with the given lock; a task without one is a mistake, never a silent skip. */
    private void requireRow(String task, LockModeType lock) {
        if (em.find(ClusterTask.class, task, lock) == null) {
            throw new IllegalStateException("No cluster_task row for '" + task + "': a new task adds it in a migration");
        }
    }
}
