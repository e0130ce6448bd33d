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

import java.time.LocalDateTime;

/**
 * The live code sent to a person for one purpose, as a keyed hash: one row per person and purpose, overwritten when a
 * new code is sent, so sending again voids the previous code. Kept in the database so that any node can check it.
 */
@Entity
@Table(name = "one_time_code")
@NamedQuery(name = OneTimeCode.FOR_PURPOSE,
        query = "SELECT c FROM OneTimeCode c WHERE c.userId = :userId AND c.purpose = :purpose")
@NamedQuery(name = OneTimeCode.DELETE_FOR_USER, query = "DELETE FROM OneTimeCode c WHERE c.userId = :userId")
@NamedQuery(name = OneTimeCode.DELETE_EXPIRED, query = "DELETE FROM OneTimeCode c WHERE c.expiresAt < :before")
public class OneTimeCode {

    public static final String FOR_PURPOSE = "OneTimeCode.forPurpose";
    public static final String DELETE_FOR_USER = "OneTimeCode.deleteForUser";
    public static final String DELETE_EXPIRED = "OneTimeCode.deleteExpired";

    @Id
    @SequenceGenerator(name = "one_time_code_seq", sequenceName = "one_time_code_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "one_time_code_seq")
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CodePurpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SecondFactorMethod method;

    @Column(nullable = false, length = 254)
    private String destination;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "sent_at", nullable = false)
    private LocalDateTime sentAt;

    @Column(name = "expires_at", nullable = false)
    private LocalDateTime expiresAt;

    @Column(nullable = false)
    private int tries;

    @Column(name = "used_at")
    private LocalDateTime usedAt;

    protected OneTimeCode() {
        // for JPA
    }

    public OneTimeCode(long userId, CodePurpose purpose) {
        this.userId = userId;
        this.purpose = purpose;
    }

    /** A new code in this row: the previous one, used or not, no longer counts. */
    public void replace(SecondFactorMethod method, String destination, String codeHash, LocalDateTime sentAt,
                        LocalDateTime expiresAt) {
        this.method = method;
        this.destination = destination;
        this.codeHash = codeHash;
        this.sentAt = sentAt;
        this.expiresAt = expiresAt;
        this.tries = 0;
        this.usedAt = null;
    }

    public Long getUserId() {
        return userId;
    }

    public CodePurpose getPurpose() {
        return purpose;
    }

    public SecondFactorMethod getMethod() {
        return method;
    }

    public String getDestination() {
        return destination;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public LocalDateTime getSentAt() {
        return sentAt;
    }

    public LocalDateTime getExpiresAt() {
        return expiresAt;
    }

    public int getTries() {
        return tries;
    }

    public void setTries(int tries) {
        this.tries = tries;
    }

    public LocalDateTime getUsedAt() {
        return usedAt;
    }

    public void setUsedAt(LocalDateTime usedAt) {
        this.usedAt = usedAt;
    }
}
