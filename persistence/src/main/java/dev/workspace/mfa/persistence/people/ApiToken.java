package dev.workspace.mfa.persistence.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** A personal API token of an admin or owner: it acts as its owner. Only its keyed hash is kept. Times are UTC. */
@Entity
@Table(name = "api_token")
@NamedQuery(name = ApiToken.BY_HASH, query = "SELECT t FROM ApiToken t WHERE t.tokenHash = :hash")
@NamedQuery(name = ApiToken.FOR_OWNER, query = "SELECT t FROM ApiToken t WHERE t.ownerId = :ownerId ORDER BY t.createdAt DESC, t.id DESC")
public class ApiToken {

    public static final String BY_HASH = "ApiToken.byHash";
    public static final String FOR_OWNER = "ApiToken.forOwner";

    @Id
    @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
    private Long id;

    @Column(name = "owner_id", nullable = false)
    private Long ownerId;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private LocalDateTime expiresAt;

    @Column(name = "last_used_at")
    private LocalDateTime lastUsedAt;

    @Column(name = "revoked_at")
    private LocalDateTime revokedAt;

    @Column(name = "owner_session_generation", nullable = false)
    private int ownerSessionGeneration;

    protected ApiToken() {
        // for JPA
    }

    public ApiToken(long ownerId, int ownerSessionGeneration, String name, String tokenHash, LocalDateTime createdAt,
                    LocalDateTime expiresAt) {
        this.ownerId = ownerId;
        this.ownerSessionGeneration = ownerSessionGeneration;
        this.name = name;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public Long getId() {
        return id;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public String getName() {
        return name;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public LocalDateTime getExpiresAt() {
        return expiresAt;
    }

    public LocalDateTime getLastUsedAt() {
        return lastUsedAt;
    }

    public void setLastUsedAt(LocalDateTime lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }

    public LocalDateTime getRevokedAt() {
        return revokedAt;
    }

    public void setRevokedAt(LocalDateTime revokedAt) {
        this.revokedAt = revokedAt;
    }

    /** Usable: neither revoked nor expired, and made since the owner's sessions last ended. */
    public boolean isValidAt(LocalDateTime now, int ownerSessionGeneration) {
        return revokedAt == null && expiresAt.isAfter(now) && this.ownerSessionGeneration == ownerSessionGeneration;
    }
}
