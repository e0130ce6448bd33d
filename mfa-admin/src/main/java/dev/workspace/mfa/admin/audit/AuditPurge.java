package dev.workspace.mfa.admin.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDateTime;
import java.util.List;

/** One batch of the retention's deletions, in a transaction of its own. */
@Stateless
public class AuditPurge {

    static final int BATCH = 5000;

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deleteBatchBefore(LocalDateTime before) {
        List<Long> ids = em.createQuery("SELECT e.id FROM AuditEvent e WHERE e.occurredAt < :before ORDER BY e.id",
                Long.class).setParameter("before", before).setMaxResults(BATCH).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("DELETE FROM AuditEvent e WHERE e.id IN :ids").setParameter("ids", ids).executeUpdate();
    }
}
