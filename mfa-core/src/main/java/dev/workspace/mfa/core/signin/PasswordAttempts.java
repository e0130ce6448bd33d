package dev.workspace.mfa.core.signin;

import dev.workspace.mfa.core.account.AccountSummary;
import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.throttle.AddressLimit;
import dev.workspace.mfa.core.throttle.LockoutRule;
import dev.workspace.mfa.core.throttle.ThrottleCounters;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.throttle.SignInThrottle;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Records the result of a password check, at sign-in or at a step-up, in a short transaction under row locks, so that
 * parallel guesses on any node count one by one and a success racing a lockout cannot slip through. Failures count per
 * normalised email, whether or not an account has it, so that a lock looks the same for everyone, and per client
 * address ({@link AddressLimit}), so that one client can neither lock many accounts nor guess across them.
 */
@Stateless
public class PasswordAttempts {

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private ThrottleCounters counters;

    @Inject
    private AuditLog audit;

    private final LockoutRule rule = LockoutRule.DEFAULT;
    private final AddressLimit addressLimit = AddressLimit.DEFAULT;

    /** When the password step of this (normalised) email is locked, or empty. */
    public Optional<LocalDateTime> lockedUntil(String email, LocalDateTime now) {
        return runningLock(counters.peek(counters.emailKey(email)), now);
    }

    /** When sign-in from this client address may start again, or empty when it may now. */
    public Optional<LocalDateTime> addressBlockedUntil(String clientAddress, LocalDateTime now) {
        return runningLock(counters.peek(ThrottleCounters.addressKey(clientAddress)), now);
    }

    /**
     * Counts a wrong password (or any password while the step is locked) for the email and the client address;
     * returns the result the person sees.
     *
     * @param email     the normalised email, whether or not an account has it
     * @param accountId the account with that email, or null
     * @param detail    why it failed, for the audit trail
     */
    public SignInResult recordFailure(String email, Long accountId, LocalDateTime now, String clientAddress,
                                      AuditEventType event, String detail) {
        SignInThrottle counter = counters.locked(counters.emailKey(email), now);
        countAddressFailure(clientAddress, accountId, email, now);
        if (rule.isLocked(counter.getLockedUntil(), now)) {
            audit.record(event, null, accountId, email, clientAddress, "password step locked");
            return SignInResult.locked(counter.getLockedUntil());
        }
        LockoutRule.AfterFailure after = rule.afterFailure(counter.getFailures(), now);
        counter.setFailures(after.failures());
        counter.setLockedUntil(after.lockedUntil());
        audit.record(event, null, accountId, email, clientAddress, detail);
        if (after.locked()) {
            audit.record(AuditEventType.PASSWORD_LOCKOUT, null, accountId, email, clientAddress,
                    "password step locked until " + after.lockedUntil() + " UTC");
            return SignInResult.locked(after.lockedUntil());
        }
        return SignInResult.invalid();
    }

    /**
     * Clears the email's counter for a right password, unless a lock began meanwhile; stores a rehash when given one.
     * When a second step follows, the audit says only that the password was accepted: the sign-in is not done yet.
     */
    public SignInResult recordSuccess(long accountId, LocalDateTime now, String clientAddress, String rehash,
                                      boolean secondStepFollows) {
        // Re-checked under the row lock: a burst of parallel guesses passes the early check together, and a right
        // password among them must not count once the address is blocked.
        Optional<LocalDateTime> blocked = runningLock(counters.lockedIfPresent(ThrottleCounters.addressKey(clientAddress)), now);
        if (blocked.isPresent()) {
            return SignInResult.addressBlocked(blocked.get());
        }
        UserAccount account = em.find(UserAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        Optional<LocalDateTime> locked = clearCounter(account.getEmail(), now);
        if (locked.isPresent()) {
            return SignInResult.locked(locked.get());
        }
        account.setLastSignInAt(now);
        if (rehash != null) {
            account.setPasswordHash(rehash);
        }
        audit.record(secondStepFollows ? AuditEventType.PASSWORD_ACCEPTED : AuditEventType.SIGN_IN_SUCCEEDED,
                accountId, accountId, account.getEmail(), clientAddress, "password accepted");
        return SignInResult.accepted(AccountSummary.of(account), secondStepFollows);
    }

    /** A right password at a step-up: the failure count starts again, unless the step is locked (returns false). */
    public boolean recordStepUpPassword(String email, LocalDateTime now) {
        return clearCounter(email, now).isEmpty();
    }

    /** Removes the email's counter; when it holds a running lock, keeps it and returns the lock's end. */
    private Optional<LocalDateTime> clearCounter(String email, LocalDateTime now) {
        Optional<SignInThrottle> counter = counters.lockedIfPresent(counters.emailKey(email));
        Optional<LocalDateTime> locked = runningLock(counter, now);
        if (locked.isEmpty()) {
            counter.ifPresent(em::remove);
        }
        return locked;
    }

    /** The end of the counter's lock (or address block) when one is running at {@code now}. */
    private Optional<LocalDateTime> runningLock(Optional<SignInThrottle> counter, LocalDateTime now) {
        return counter.map(SignInThrottle::getLockedUntil).filter(until -> rule.isLocked(until, now));
    }

    private void countAddressFailure(String clientAddress, Long accountId, String email, LocalDateTime now) {
        SignInThrottle counter = counters.locked(ThrottleCounters.addressKey(clientAddress), now);
        boolean blockedBefore = runningLock(Optional.of(counter), now).isPresent();
        AddressLimit.AfterFailure after = addressLimit.afterFailure(counter.getFailures(), counter.getWindowStartedAt(), now);
        counter.setFailures(after.failures());
        counter.setWindowStartedAt(after.windowStartedAt());
        counter.setLockedUntil(after.blockedUntil());
        if (after.blockedUntil() != null && !blockedBefore) {
            audit.record(AuditEventType.ADDRESS_BLOCKED, null, accountId, email, clientAddress,
                    "sign-in from this address paused until " + after.blockedUntil() + " UTC");
        }
    }
}
