package dev.workspace.mfa.persistence.people;

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

/** A single-use link sent to a person; only the keyed hash of its token is kept. Times are UTC. */
@Entity
@Table(name = "account_link")
@NamedQuery(name = AccountLink.BY_HASH, query = "SELECT l FROM AccountLink l WHERE l.tokenHash = :hash")
@NamedQuery(name = AccountLink.USE, query = "UPDATE AccountLink l SET l.usedAt = :now "
        + "WHERE l.id = :id AND l.usedAt IS NULL AND l.expiresAt > :now")
@NamedQuery(name = AccountLink.VOID_FOR_USER, query = "UPDATE AccountLink l SET l.usedAt = :now "
        + "WHERE l.userId = :userId AND l.purpose = :purpose AND l.usedAt IS NULL")
@NamedQuery(name = AccountLink.DELETE_EXPIRED, query = "DELETE FROM AccountLink l WHERE l.expiresAt < :before")
public class AccountLink {

    public static final String BY_HASH = "AccountLink.byHash";
    public static final String USE = "AccountLink.use";
    public static final String VOID_FOR_USER = "AccountLink.voidForUser";
    public static final String DELETE_EXPIRED = "AccountLink.deleteExpired";

    @Id
    @SequenceGenerator(name = "account_link_seq", sequenceName = "account_link_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_link_seq")
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private LinkPurpose purpose;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private LocalDateTime expiresAt;

    @Column(name = "used_at")
    private LocalDateTime usedAt;

    protected AccountLink() {
        // for JPA
    }

    public AccountLink(long userId, LinkPurpose purpose, String tokenHash, LocalDateTime createdAt, LocalDateTime expiresAt) {
        this.userId = userId;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public LinkPurpose getPurpose() {
        return purpose;
    }

    public LocalDateTime getExpiresAt() {
        return expiresAt;
    }

    public LocalDateTime getUsedAt() {
        return usedAt;
    }

    /** Not used yet and not expired: the same rule as the conditional update {@link #USE}. */
    public boolean isUsableAt(LocalDateTime now) {
        return usedAt == null && expiresAt.isAfter(now);
    }
}
