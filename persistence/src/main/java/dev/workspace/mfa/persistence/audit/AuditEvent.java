package dev.workspace.mfa.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** One security-relevant event. Immutable: the class has no setters and the service no update. */
@Entity
@Table(name = "audit_event")
@NamedQuery(name = AuditEvent.FOR_SUBJECT,
        query = "SELECT e FROM AuditEvent e WHERE e.subjectId = :subjectId ORDER BY e.occurredAt DESC, e.id DESC")
public class AuditEvent {

    public static final String FOR_SUBJECT = "AuditEvent.forSubject";

    @Id
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private LocalDateTime occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, length = 40)
    private AuditEventType type;

    @Column(name = "actor_id")
    private Long actorId;

    /** Who acted, as an email (or a named non-person such as the bootstrap API token). */
    @Column(name = "actor_email", length = 254)
    private String actorEmail;

    @Column(name = "subject_id")
    private Long subjectId;

    @Column(name = "subject_email", length = 254)
    private String subjectEmail;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(length = 500)
    private String detail;

    protected AuditEvent() {
        // for JPA
    }

    public AuditEvent(LocalDateTime occurredAt, AuditEventType type, Long actorId, String actorEmail, Long subjectId,
                      String subjectEmail, String clientAddress, String detail) {
        this.occurredAt = occurredAt;
        this.type = type;
        this.actorId = actorId;
        this.actorEmail = actorEmail;
        this.subjectId = subjectId;
        this.subjectEmail = subjectEmail;
        this.clientAddress = clientAddress;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public LocalDateTime getOccurredAt() {
        return occurredAt;
    }

    public AuditEventType getType() {
        return type;
    }

    public Long getActorId() {
        return actorId;
    }

    public String getActorEmail() {
        return actorEmail;
    }

    public Long getSubjectId() {
        return subjectId;
    }

    public String getSubjectEmail() {
        return subjectEmail;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getDetail() {
        return detail;
    }
}
