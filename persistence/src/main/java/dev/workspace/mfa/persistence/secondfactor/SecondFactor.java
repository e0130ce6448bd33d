package dev.workspace.mfa.persistence.secondfactor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDateTime;

/**
 * A person's active second factor. Its presence is what "two-factor authentication is on" means, so enabling and
 * disabling are one insert or one delete: there is no half-enabled state. Times are UTC.
 */
@Entity
@Table(name = "second_factor")
public class SecondFactor {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SecondFactorMethod method;

    @Column(name = "enabled_at", nullable = false)
    private LocalDateTime enabledAt;

    /** The TOTP secret, AES-GCM encrypted with a key outside the database. */
    @Column(name = "totp_secret", length = 200)
    private String totpSecret;

    /** The last TOTP time step accepted; only later steps are accepted (no replay). */
    @Column(name = "last_accepted_step", nullable = false)
    private long lastAcceptedStep;

    @Column(nullable = false)
    private int failures;

    @Column(name = "locked_until")
    private LocalDateTime lockedUntil;

    /** Per-person salt of the recovery-code hashes. */
    @Column(name = "recovery_salt", nullable = false, length = 64)
    private String recoverySalt;

    @Version
    private long version;

    protected SecondFactor() {
        // for JPA
    }

    public SecondFactor(long userId, SecondFactorMethod method, LocalDateTime enabledAt, String totpSecret,
                        long lastAcceptedStep, String recoverySalt) {
        this.userId = userId;
        this.method = method;
        this.enabledAt = enabledAt;
        this.totpSecret = totpSecret;
        this.lastAcceptedStep = lastAcceptedStep;
        this.recoverySalt = recoverySalt;
    }

    public Long getUserId() {
        return userId;
    }

    public SecondFactorMethod getMethod() {
        return method;
    }

    public LocalDateTime getEnabledAt() {
        return enabledAt;
    }

    public String getTotpSecret() {
        return totpSecret;
    }

    public long getLastAcceptedStep() {
        return lastAcceptedStep;
    }

    public void setLastAcceptedStep(long lastAcceptedStep) {
        this.lastAcceptedStep = lastAcceptedStep;
    }

    public int getFailures() {
        return failures;
    }

    public void setFailures(int failures) {
        this.failures = failures;
    }

    public LocalDateTime getLockedUntil() {
        return lockedUntil;
    }

    public void setLockedUntil(LocalDateTime lockedUntil) {
        this.lockedUntil = lockedUntil;
    }

    public String getRecoverySalt() {
        return recoverySalt;
    }
}
