package dev.workspace.mfa.persistence.throttle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/**
 * A failure counter of the password step, for one email (known or not, keyed by a keyed hash of the normalised
 * email, so the table holds no typed addresses) or for one client address. Times are UTC.
 */
@Entity
@Table(name = "sign_in_throttle")
@NamedQuery(name = SignInThrottle.DELETE_STALE,
        query = "DELETE FROM SignInThrottle t WHERE t.windowStartedAt < :before AND (t.lockedUntil IS NULL OR t.lockedUntil < :now)")
@NamedQuery(name = SignInThrottle.DELETE_FOR_ACCOUNT,
        query = "DELETE FROM SignInThrottle t WHERE t.accountId = :accountId")
@NamedQuery(name = SignInThrottle.LOCKED_FOR_ACCOUNT,
        query = "SELECT COUNT(t) FROM SignInThrottle t WHERE t.accountId = :accountId AND t.lockedUntil > :now")
public class SignInThrottle {

    public static final String LOCKED_FOR_ACCOUNT = "SignInThrottle.lockedForAccount";
    public static final String DELETE_STALE = "SignInThrottle.deleteStale";
    public static final String DELETE_FOR_ACCOUNT = "SignInThrottle.deleteForAccount";

    @Id
    @Column(name = "throttle_key", length = 100)
    private String key;

    @Column(nullable = false)
    private int failures;

    @Column(name = "window_started_at", nullable = false)
    private LocalDateTime windowStartedAt;

    @Column(name = "locked_until")
    private LocalDateTime lockedUntil;

    /** The person the counter is about, when it is about a known person. */
    @Column(name = "account_id")
    private Long accountId;

    protected SignInThrottle() {
    }

    public SignInThrottle(String key, LocalDateTime now) {
        this.key = key;
        this.windowStartedAt = now;
    }

    public String getKey() {
        return key;
    }

    public int getFailures() {
        return failures;
    }

    public void setFailures(int failures) {
        this.failures = failures;
    }

    public LocalDateTime getWindowStartedAt() {
        return windowStartedAt;
    }

    public void setWindowStartedAt(LocalDateTime windowStartedAt) {
        this.windowStartedAt = windowStartedAt;
    }

    public LocalDateTime getLockedUntil() {
        return lockedUntil;
    }

    public void setLockedUntil(LocalDateTime lockedUntil) {
        this.lockedUntil = lockedUntil;
    }

    public Long getAccountId() {
        return accountId;
    }

    public void setAccountId(Long accountId) {
        this.accountId = accountId;
    }
}
