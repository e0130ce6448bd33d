package dev.workspace.mfa.persistence.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** A browser that may skip the second step of its owner's sign-in until it expires. Only its token's keyed hash is kept. */
@Entity
@Table(name = "remembered_device")
@NamedQuery(name = RememberedDevice.BY_HASH, query = "SELECT d FROM RememberedDevice d WHERE d.tokenHash = :hash")
@NamedQuery(name = RememberedDevice.FOR_OWNER, query = "SELECT d FROM RememberedDevice d WHERE d.ownerId = :ownerId"
        + " AND d.ownerSessionGeneration = :generation AND d.expiresAt > :now ORDER BY d.createdAt DESC, d.id DESC")
@NamedQuery(name = RememberedDevice.DELETE_ONE, query = "DELETE FROM RememberedDevice d WHERE d.id = :id AND d.ownerId = :ownerId")
@NamedQuery(name = RememberedDevice.DELETE_FOR_OWNER, query = "DELETE FROM RememberedDevice d WHERE d.ownerId = :ownerId")
@NamedQuery(name = RememberedDevice.DELETE_ALL, query = "DELETE FROM RememberedDevice d")
@NamedQuery(name = RememberedDevice.DELETE_EXPIRED, query = "DELETE FROM RememberedDevice d WHERE d.expiresAt <= :now")
public class RememberedDevice {

    public static final String BY_HASH = "RememberedDevice.byHash";
    public static final String FOR_OWNER = "RememberedDevice.forOwner";
    public static final String DELETE_ONE = "RememberedDevice.deleteOne";
    public static final String DELETE_FOR_OWNER = "RememberedDevice.deleteForOwner";
    public static final String DELETE_ALL = "RememberedDevice.deleteAll";
    public static final String DELETE_EXPIRED = "RememberedDevice.deleteExpired";
    public static final int MAX_DESCRIPTION_LENGTH = 120;

    @Id
    @SequenceGenerator(name = "remembered_device_seq", sequenceName = "remembered_device_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "remembered_device_seq")
    private Long id;

    @Column(name = "owner_id", nullable = false)
    private Long ownerId;

    @Column(name = "owner_session_generation", nullable = false)
    private int ownerSessionGeneration;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    private String tokenHash;

    @Column(nullable = false, length = MAX_DESCRIPTION_LENGTH)
    private String description;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private LocalDateTime expiresAt;

    @Column(name = "last_used_at")
    private LocalDateTime lastUsedAt;

    protected RememberedDevice() {
        // for JPA
    }

    public RememberedDevice(long ownerId, int ownerSessionGeneration, String tokenHash, String description,
                            LocalDateTime createdAt, LocalDateTime expiresAt) {
        this.ownerId = ownerId;
        this.ownerSessionGeneration = ownerSessionGeneration;
        this.tokenHash = tokenHash;
        this.description = description;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public Long getId() {
        return id;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public String getDescription() {
        return description;
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

    /** Still remembered: not expired, and made since its owner's sessions last ended. */
    public boolean isValidAt(LocalDateTime now, int ownerSessionGeneration) {
        return expiresAt.isAfter(now) && this.ownerSessionGeneration == ownerSessionGeneration;
    }
}
