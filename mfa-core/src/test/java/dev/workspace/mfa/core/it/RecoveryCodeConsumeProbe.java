package dev.workspace.mfa.core.it;

import dev.workspace.mfa.core.crypto.ServerKeys;
import dev.workspace.mfa.core.recovery.RecoveryCodes;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.secondfactor.RecoveryCode;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.LocalDateTime;

/**
 * Test helper: runs the application's {@link RecoveryCode#CONSUME} query in a transaction of its own, <em>without</em>
 * the row lock on the person's account that {@code SecondFactorVerification.check} takes first. Simultaneous
 * calls therefore really race on the conditional update, which must let exactly one of them change the row.
 */
@Stateless
public class RecoveryCodeConsumeProbe {

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private ServerKeys keys;

    @Inject
    private Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean consume(long userId, String code) {
        String salt = em.find(UserAccount.class, userId).getRecoverySalt();
        return em.createNamedQuery(RecoveryCode.CONSUME)
                .setParameter("now", LocalDateTime.now(clock))
                .setParameter("userId", userId)
                .setParameter("codeHash", RecoveryCodes.hash(keys.recoveryCodeKey(), salt, RecoveryCodes.normalize(code).orElseThrow()))
                .executeUpdate() == 1;
    }
}
