package dev.workspace.mfa.core.audit;

import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEvent;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

@Stateless
public class AuditLogBean implements AuditLog {

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Override
    public void record(AuditEventType type, Long actorId, Long subjectId, String subjectEmail, String clientAddress,
                       String detail) {
        String actorEmail = actorId == null ? null : Objects.equals(actorId, subjectId) ? subjectEmail
                : Optional.ofNullable(em.find(UserAccount.class, actorId)).map(UserAccount::getEmail).orElse(null);
        recordBy(new Actor(actorId, actorEmail), type, subjectId, subjectEmail, clientAddress, detail);
    }

    @Override
    public void recordBy(Actor actor, AuditEventType type, Long subjectId, String subjectEmail, String clientAddress,
                       String detail) {
        Actor by = actor == null ? new Actor(null, null) : actor;
        em.persist(new AuditEvent(LocalDateTime.now(clock), type, by.accountId(), truncate(by.name(), 254),
                subjectId, truncate(subjectEmail, 254), truncate(clientAddress, 64), truncate(detail, 500)));
    }

    /** Values typed by strangers (a failed sign-in's email) must never make the audit insert fail. */
    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
