package dev.workspace.mfa.core.signin;

import dev.workspace.mfa.core.account.AccountSummary;
import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.throttle.LockoutRule;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDateTime;

/**
 * Records the result of a password check under a row lock ({@code SELECT … FOR UPDATE}), so that parallel guesses on
 * any node count one by one and a success racing a lockout cannot slip through.
 */
@Stateless
public class PasswordAttempts {

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private AuditLog audit;

    private final LockoutRule rule = LockoutRule.DEFAULT;

    /**
     * Counts a wrong password, at sign-in or at a step-up (both count towards the same lock); returns the result
     * the person sees.
     */
    public SignInResult recordFailure(long accountId, LocalDateTime now, String clientAddress, AuditEventType event) {
        UserAccount account = em.find(UserAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (rule.isLocked(account.getPasswordLockedUntil(), now)) {
            return SignInResult.locked(account.getPasswordLockedUntil());
        }
        LockoutRule.AfterFailure after = rule.afterFailure(account.getPasswordFailures(), now);
        account.setPasswordFailures(after.failures());
        account.setPasswordLockedUntil(after.lockedUntil());
        audit.record(event, null, accountId, account.getEmail(), clientAddress, "wrong password");
        if (after.locked()) {
            audit.record(AuditEventType.PASSWORD_LOCKOUT, null, accountId, account.getEmail(), clientAddress,
                    "password step locked until " + after.lockedUntil() + " UTC");
            return SignInResult.locked(after.lockedUntil());
        }
        return SignInResult.invalid();
    }

    /**
     * Resets the counter for a right password, unless a lock began meanwhile; stores a rehash when given one.
     * When a second step follows, the audit says only that the password was accepted: the sign-in is not done yet.
     */
    public SignInResult recordSuccess(long accountId, LocalDateTime now, String clientAddress, String rehash,
                                      boolean secondStepFollows) {
        UserAccount account = em.find(UserAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (rule.isLocked(account.getPasswordLockedUntil(), now)) {
            return SignInResult.locked(account.getPasswordLockedUntil());
        }
        account.setPasswordFailures(0);
        account.setPasswordLockedUntil(null);
        account.setLastSignInAt(now);
        if (rehash != null) {
            account.setPasswordHash(rehash);
        }
        audit.record(secondStepFollows ? AuditEventType.PASSWORD_ACCEPTED : AuditEventType.SIGN_IN_SUCCEEDED,
                accountId, accountId, account.getEmail(), clientAddress, "password accepted");
        return SignInResult.accepted(AccountSummary.of(account), secondStepFollows);
    }

    /** A right password at a step-up: the failure count starts again (docs/security.md#lockout: "a success resets"), unless locked. */
    public boolean recordStepUpPassword(long accountId, LocalDateTime now) {
        UserAccount account = em.find(UserAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (rule.isLocked(account.getPasswordLockedUntil(), now)) {
            return false;
        }
        account.setPasswordFailures(0);
        return true;
    }
}
