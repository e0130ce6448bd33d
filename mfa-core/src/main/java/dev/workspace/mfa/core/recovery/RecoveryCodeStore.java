package dev.workspace.mfa.core.recovery;

import dev.workspace.mfa.core.crypto.SecretCipher;
import dev.workspace.mfa.core.crypto.ServerKeys;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.secondfactor.RecoveryCode;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A person's recovery codes at rest. They belong to the account, not to a method: changing method keeps them, and only
 * turning two-factor authentication off (or an admin reset) removes them. Callers hold the account's row lock.
 */
@Stateless
public class RecoveryCodeStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private ServerKeys keys;

    /** Ten new codes to show; nothing is stored. */
    public List<String> generate() {
        return RecoveryCodes.generate(RANDOM);
    }

    /**
     * Stores the codes in place of every previous one; kept encrypted as well when the workspace policy lets people
     * see them again ({@code reviewable}), else only as keyed hashes.
     */
    public void replaceAll(UserAccount account, List<String> codes, boolean reviewable) {
        long userId = account.getId();
        if (account.getRecoverySalt() == null) {
            account.setRecoverySalt(RecoveryCodes.newSalt(RANDOM));
        }
        removeAll(userId);
        for (int i = 0; i < codes.size(); i++) {
            String canonical = RecoveryCodes.normalize(codes.get(i)).orElseThrow();
            String ciphertext = reviewable
                    ? SecretCipher.encrypt(keys.recoveryCodeEncryptionKey(), codes.get(i).getBytes(StandardCharsets.UTF_8), context(userId))
                    : null;
            em.persist(new RecoveryCode(userId, i + 1,
                    RecoveryCodes.hash(keys.recoveryCodeKey(), account.getRecoverySalt(), canonical), ciphertext));
        }
        em.flush();
    }

    public void removeAll(long userId) {
        em.createNamedQuery(RecoveryCode.DELETE_FOR_USER).setParameter("userId", userId).executeUpdate();
    }

    /** One conditional update: of two simultaneous uses of a code, exactly one changes a row. */
    public boolean consume(UserAccount account, String typed, LocalDateTime now) {
        if (account.getRecoverySalt() == null) {
            return false;
        }
        return RecoveryCodes.normalize(typed)
                .map(canonical -> em.createNamedQuery(RecoveryCode.CONSUME)
                        .setParameter("now", now)
                        .setParameter("userId", account.getId())
                        .setParameter("codeHash", RecoveryCodes.hash(keys.recoveryCodeKey(), account.getRecoverySalt(), canonical))
                        .executeUpdate() == 1)
                .orElse(false);
    }

    public int unused(long userId) {
        return em.createNamedQuery(RecoveryCode.COUNT_UNUSED, Long.class).setParameter("userId", userId)
                .getSingleResult().intValue();
    }

    public boolean any(long userId) {
        return !em.createNamedQuery(RecoveryCode.FOR_USER, RecoveryCode.class).setParameter("userId", userId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The ten codes, used or not; the unused ones in clear only when the workspace allows showing them again. */
    public List<RecoveryCodeEntry> entries(long userId, boolean reviewable) {
        return em.createNamedQuery(RecoveryCode.FOR_USER, RecoveryCode.class)
                .setParameter("userId", userId).getResultList().stream()
                .map(c -> new RecoveryCodeEntry(c.getPosition(), c.getUsedAt() != null,
                        reviewable && c.getUsedAt() == null && c.getCodeCiphertext() != null
                                ? new String(SecretCipher.decrypt(keys.recoveryCodeEncryptionKey(), c.getCodeCiphertext(),
                                context(userId)), StandardCharsets.UTF_8)
                                : null))
                .toList();
    }

    private static String context(long userId) {
        return "recovery-code:" + userId;
    }
}
