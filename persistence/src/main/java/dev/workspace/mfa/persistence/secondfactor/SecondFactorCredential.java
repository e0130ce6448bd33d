package dev.workspace.mfa.persistence.secondfactor;

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
import jakarta.persistence.Version;

import java.time.LocalDateTime;

/**
 * One second factor a person holds: an authenticator app's secret, an email address or a mobile number. A person may
 * hold several, of several methods; the one marked active is the one sign-in asks for, and "two-factor authentication
 * is on" means exactly that one exists. Times are UTC.
 */
@Entity
@Table(name = "second_factor_credential")
@NamedQuery(name = SecondFactorCredential.ACTIVE_FOR_USER,
        query = "SELECT c FROM SecondFactorCredential c WHERE c.userId = :userId AND c.active = TRUE")
@NamedQuery(name = SecondFactorCredential.FOR_USER,
        query = "SELECT c FROM SecondFactorCredential c WHERE c.userId = :userId ORDER BY c.id")
@NamedQuery(name = SecondFactorCredential.DELETE_FOR_USER,
        query = "DELETE FROM SecondFactorCredential c WHERE c.userId = :userId")
public class SecondFactorCredential {

    public static final String ACTIVE_FOR_USER = "SecondFactorCredential.activeForUser";
    public static final String FOR_USER = "SecondFactorCredential.forUser";
    public static final String DELETE_FOR_USER = "SecondFactorCredential.deleteForUser";

    @Id
    @SequenceGenerator(name = "second_factor_credential_seq", sequenceName = "second_factor_credential_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "second_factor_credential_seq")
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SecondFactorMethod method;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    /** A method's secret (the TOTP key), AES-GCM encrypted with a key outside the database; null for the others. */
    @Column(length = 200)
    private String secret;

    /** Where codes are sent: an email address or an E.164 mobile number; null for an authenticator app. */
    @Column(length = 254)
    private String destination;

    /** The last TOTP time step accepted; only later steps are accepted (no replay). */
    @Column(name = "last_accepted_step", nullable = false)
    private long lastAcceptedStep = -1;

    @Version
    private long version;

    protected SecondFactorCredential() {
        // for JPA
    }

    public SecondFactorCredential(long userId, SecondFactorMethod method, LocalDateTime createdAt, String secret,
                                  String destination, long lastAcceptedStep) {
        this.userId = userId;
        this.method = method;
        this.createdAt = createdAt;
        this.secret = secret;
        this.destination = destination;
        this.lastAcceptedStep = lastAcceptedStep;
        this.active = true;
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public SecondFactorMethod getMethod() {
        return method;
    }

    public boolean isActive() {
        return active;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public String getSecret() {
        return secret;
    }

    public String getDestination() {
        return destination;
    }

    public long getLastAcceptedStep() {
        return lastAcceptedStep;
    }

    public void setLastAcceptedStep(long lastAcceptedStep) {
        this.lastAcceptedStep = lastAcceptedStep;
    }
}
