package dev.workspace.mfa.core.signin;

import dev.workspace.mfa.core.account.EmailAddress;
import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.password.PasswordHasher;
import dev.workspace.mfa.core.password.PasswordPolicy;
import dev.workspace.mfa.core.throttle.LockoutRule;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.secondfactor.SecondFactor;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Runs outside a transaction so that no database connection or row lock is held during the slow hash;
 * {@link PasswordAttempts} records the result in a short transaction of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PasswordSignInBean implements PasswordSignInService {

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private PasswordAttempts attempts;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    private final LockoutRule rule = LockoutRule.DEFAULT;

    @Override
    public SignInResult checkPassword(String email, String password, String clientAddress) {
        LocalDateTime now = LocalDateTime.now(clock);
        String candidate = password == null ? "" : password;
        Optional<UserAccount> account = EmailAddress.isValid(email) ? findAccount(email) : Optional.empty();
        boolean tooLong = candidate.length() > PasswordPolicy.MAX_LENGTH * 2;

        if (account.isEmpty() || !account.get().isEnabled() || tooLong) {
            hasher.verifyDecoy(tooLong ? "" : candidate);
            recordFailure(account.map(UserAccount::getId).orElse(null), email, clientAddress,
                    account.isPresent() ? "account disabled or input too long" : "no such account");
            return SignInResult.invalid();
        }
        UserAccount found = account.get();
        if (rule.isLocked(found.getPasswordLockedUntil(), now)) {
            hasher.verifyDecoy(candidate);
            recordFailure(found.getId(), email, clientAddress, "password step locked");
            return SignInResult.locked(found.getPasswordLockedUntil());
        }
        if (!hasher.verify(candidate, found.getPasswordHash())) {
            return attempts.recordFailure(found.getId(), now, clientAddress, AuditEventType.SIGN_IN_FAILED);
        }
        String rehash = hasher.needsRehash(found.getPasswordHash()) ? hasher.hash(candidate) : null;
        boolean secondStepFollows = em.find(SecondFactor.class, found.getId()) != null;
        return attempts.recordSuccess(found.getId(), now, clientAddress, rehash, secondStepFollows);
    }

    private Optional<UserAccount> findAccount(String email) {
        return em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
                .setParameter("email", EmailAddress.normalize(email))
                .getResultStream().findFirst();
    }

    private void recordFailure(Long accountId, String email, String clientAddress, String detail) {
        audit.record(AuditEventType.SIGN_IN_FAILED, null, accountId, email, clientAddress, detail);
    }
}
