package dev.workspace.mfa.core.signin;

import dev.workspace.mfa.core.account.AccountSummary;
import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.throttle.Throttle;
import dev.workspace.mfa.core.throttle.ThrottleCounters;
import dev.workspace.mfa.core.throttle.WindowLimit;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorCredential;
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
 * address ({@link WindowLimit#PASSWORD_FAILURES_PER_ADDRESS}), so that one client can neither lock many accounts nor guess across them.
 */
@Stateless
public class PasswordAttempts {

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private ThrottleCounters counters;

    @Inject
    private Throttle throttle;

    @Inject
    private AuditLog audit;

    /** When the password step of this (normalised) email is locked, or empty. */
    public Optional<LocalDateTime> lockedUntil(String email, LocalDateTime now) {
        return throttle.lockedUntil(counters.emailKey(email), now);
    }

    /**
     * What the password step reads before the hash, in one short transaction (no lock is held during the hash):
     * whether the client address is blocked and, when it is not, the account with this email (when the email is a
     * valid one) and whether the email's password step is locked.
     *
     * @param email the normalised email, whether or not an account has it
     */
    public Before before(String clientAddress, String email, boolean validEmail, LocalDateTime now) {
        Optional<LocalDateTime> addressBlocked = throttle.lockedUntil(ThrottleCounters.addressKey(clientAddress), now);
        if (addressBlocked.isPresent()) {
            // Nothing more is read for a blocked client: the same answer after the same work, known email or not.
            return new Before(addressBlocked, Optional.empty(), false);
        }
        Optional<UserAccount> account = validEmail ? em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
                .setParameter("email", email).getResultStream().findFirst() : Optional.empty();
        return new Before(addressBlocked, account, lockedUntil(email, now).isPresent());
    }

    /**
     * @param addressBlockedUntil when sign-in from the client address may start again; empty when it may now
     * @param account             the account with the email (detached), if any; empty when the address is blocked
     * @param emailLocked         the email's password step is locked; false when the address is blocked
     */
    public record Before(Optional<LocalDateTime> addressBlockedUntil, Optional<UserAccount> account, boolean emailLocked) {
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
        Throttle.Counted byEmail = throttle.countFailure(counters.emailKey(email), accountId, now);
        Throttle.Counted address = throttle.countInWindow(ThrottleCounters.addressKey(clientAddress),
                WindowLimit.PASSWORD_FAILURES_PER_ADDRESS, now);
        if (address.started()) {
            audit.record(AuditEventType.ADDRESS_BLOCKED, null, accountId, email, clientAddress,
                    "sign-in from this address paused until " + address.lockedUntil() + " UTC");
        }
        if (byEmail.locked() && !byEmail.started()) {
            audit.record(event, null, accountId, email, clientAddress, "password step locked");
            return SignInResult.locked(byEmail.lockedUntil());
        }
        audit.record(event, null, accountId, email, clientAddress, detail);
        if (byEmail.started()) {
            audit.record(AuditEventType.PASSWORD_LOCKOUT, null, accountId, email, clientAddress,
                    "password step locked until " + byEmail.lockedUntil() + " UTC");
            return SignInResult.locked(byEmail.lockedUntil());
        }
        return SignInResult.invalid();
    }

    /**
     * Clears the email's counter for a right password, unless a lock began meanwhile; stores a rehash when given one.
     * When a second step follows (the person has a second factor), the audit says only that the password was accepted:
     * the sign-in is not done yet.
     */
    public SignInResult recordSuccess(long accountId, LocalDateTime now, String clientAddress, String rehash) {
        // Re-checked under the row lock: a burst of parallel guesses passes the early check together, and a right
        // password among them must not count once the address is blocked.
        Optional<LocalDateTime> blocked = throttle.lockedUntilForUpdate(ThrottleCounters.addressKey(clientAddress), now);
        if (blocked.isPresent()) {
            return SignInResult.addressBlocked(blocked.get());
        }
        UserAccount account = em.find(UserAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        Optional<LocalDateTime> locked = throttle.clearFailures(counters.emailKey(account.getEmail()), now);
        if (locked.isPresent()) {
            return SignInResult.locked(locked.get());
        }
        // Under the account's lock, which enrollment and reset take too: the answer holds for this sign-in.
        boolean secondStepFollows = !em.createNamedQuery(SecondFactorCredential.ACTIVE_FOR_USER,
                SecondFactorCredential.class).setParameter("userId", accountId).setMaxResults(1).getResultList().isEmpty();
        account.setLastSignInAt(now);
        if (rehash != null) {
            account.setPasswordHash(rehash);
        }
        audit.record(secondStepFollows ? AuditEventType.PASSWORD_ACCEPTED : AuditEventType.SIGN_IN_SUCCEEDED,
                accountId, accountId, account.getEmail(), clientAddress, "password accepted");
        return SignInResult.accepted(AccountSummary.of(account), secondStepFollows);
    }

    /** A right password at a step-up: the failure count starts again, unless the step is locked (returned). */
    public Optional<LocalDateTime> recordStepUpPassword(String email, LocalDateTime now) {
        return throttle.clearFailures(counters.emailKey(email), now);
    }
}
