package dev.workspace.mfa.persistence.secondfactor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/**
 * One recovery code, stored as a keyed hash. It is consumed by a single conditional update
 * ({@link #CONSUME}: {@code … WHERE used_at IS NULL}), so two simultaneous uses cannot both succeed.
 */
@Entity
@Table(name = "recovery_code")
@NamedQuery(name = RecoveryCode.CONSUME, query = "UPDATE RecoveryCode c SET c.usedAt = :now "
        + "WHERE c.userId = :userId AND c.codeHash = :codeHash AND c.usedAt IS NULL")
@NamedQuery(name = RecoveryCode.FOR_USER, query = "SELECT c FROM RecoveryCode c WHERE c.userId = :userId ORDER BY c.position")
@NamedQuery(name = RecoveryCode.COUNT_UNUSED,
        query = "SELECT COUNT(c) FROM RecoveryCode c WHERE c.userId = :userId AND c.usedAt IS NULL")
@NamedQuery(name = RecoveryCode.DELETE_FOR_USER, query = "DELETE FROM RecoveryCode c WHERE c.userId = :userId")
public class RecoveryCode {

    public static final String CONSUME = "RecoveryCode.consume";
    public static final String FOR_USER = "RecoveryCode.forUser";
    public static final String COUNT_UNUSED = "RecoveryCode.countUnused";
    public static final String DELETE_FOR_USER = "RecoveryCode.deleteForUser";

    @Id
    @SequenceGenerator(name = "recovery_code_seq", sequenceName = "recovery_code_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recovery_code_seq")
    private Long id;

    @Column(name = "user_id", nullable = false)
    private Long userId;

    /** 1 to 10, the order in which the codes were shown. */
    @Column(nullable = false)
    private int position;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    /** The code itself, encrypted, only when the workspace lets people see unused codes again; otherwise null. */
    @Column(name = "code_ciphertext", length = 200)
    private String codeCiphertext;

    @Column(name = "used_at")
    private LocalDateTime usedAt;

    protected RecoveryCode() {
        // for JPA
    }

    public RecoveryCode(long userId, int position, String codeHash, String codeCiphertext) {
        this.userId = userId;
        this.position = position;
        this.codeHash = codeHash;
        this.codeCiphertext = codeCiphertext;
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public int getPosition() {
        return position;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public String getCodeCiphertext() {
        return codeCiphertext;
    }

    public LocalDateTime getUsedAt() {
        return usedAt;
    }
}
