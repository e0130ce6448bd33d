package dev.workspace.mfa.admin.audit;

import dev.workspace.mfa.core.account.AdminActionRefusedException;
import dev.workspace.mfa.persistence.audit.AuditEvent;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads only, outside transactions. The export walks the log by keyset (time, then id, both descending) in batches
 * of {@value #EXPORT_BATCH}: a million events cost a thousand small indexed queries and one batch of memory.
 */
@Stateless
@RolesAllowed({"admin", "owner"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditTrailBean implements AuditTrail {

    static final int EXPORT_BATCH = 1000;

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Override
    public AuditPage find(AuditQuery query) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(query, parameters, null);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where, Long.class);
        parameters.forEach(count::setParameter);
        long total = count.getSingleResult();
        if (total == 0) {
            return new AuditPage(0, List.of());
        }
        TypedQuery<AuditEvent> page = em.createQuery("SELECT e FROM AuditEvent e" + where
                + " ORDER BY e.occurredAt DESC, e.id DESC", AuditEvent.class);
        parameters.forEach(page::setParameter);
        return new AuditPage(total, page.setFirstResult(query.page() * query.size()).setMaxResults(query.size())
                .getResultList().stream().map(AuditTrailBean::entry).toList());
    }

    @Override
    public void export(AuditQuery query, Consumer<AuditEntry> sink) {
        AuditEvent last = null;
        while (true) {
            Map<String, Object> parameters = new HashMap<>();
            TypedQuery<AuditEvent> batch = em.createQuery("SELECT e FROM AuditEvent e" + where(query, parameters, last)
                    + " ORDER BY e.occurredAt DESC, e.id DESC", AuditEvent.class);
            parameters.forEach(batch::setParameter);
            List<AuditEvent> events = batch.setMaxResults(EXPORT_BATCH).getResultList();
            events.stream().map(AuditTrailBean::entry).forEach(sink);
            if (events.size() < EXPORT_BATCH) {
                return;
            }
            last = events.get(events.size() - 1);
            em.clear();
        }
    }

    @Override
    public List<String> types() {
        return Arrays.stream(AuditEventType.values()).map(Enum::name).sorted().toList();
    }

    private static String where(AuditQuery query, Map<String, Object> parameters, AuditEvent after) {
        List<String> conditions = new ArrayList<>();
        if (query.subject() != null && !query.subject().isBlank()) {
            conditions.add("e.subjectEmail = :subject");
            parameters.put("subject", query.subject().strip().toLowerCase(Locale.ROOT));
        }
        if (query.actor() != null && !query.actor().isBlank()) {
            conditions.add("e.actorEmail = :actor");
            parameters.put("actor", query.actor().strip().toLowerCase(Locale.ROOT));
        }
        if (query.type() != null && !query.type().isBlank()) {
            conditions.add("e.type = :type");
            parameters.put("type", type(query.type()));
        }
        if (query.from() != null) {
            conditions.add("e.occurredAt >= :from");
            parameters.put("from", LocalDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        }
        if (query.to() != null) {
            conditions.add("e.occurredAt < :to");
            parameters.put("to", LocalDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        }
        if (after != null) {
            conditions.add("(e.occurredAt < :afterTime OR (e.occurredAt = :afterTime AND e.id < :afterId))");
            parameters.put("afterTime", after.getOccurredAt());
            parameters.put("afterId", after.getId());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static AuditEventType type(String name) {
        try {
            return AuditEventType.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new AdminActionRefusedException(AdminActionRefusedException.Reason.INVALID_EVENT_TYPE);
        }
    }

    private static AuditEntry entry(AuditEvent event) {
        return new AuditEntry(event.getId(), event.getOccurredAt().toInstant(ZoneOffset.UTC), event.getType().name(),
                event.getActorEmail(), event.getSubjectEmail(), event.getClientAddress(), event.getDetail());
    }
}
