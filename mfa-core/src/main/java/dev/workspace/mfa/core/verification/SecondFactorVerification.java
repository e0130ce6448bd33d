package dev.workspace.mfa.core.verification;

import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.method.Challenge;
import dev.workspace.mfa.core.method.CodeVerdict;
import dev.workspace.mfa.core.method.Methods;
import dev.workspace.mfa.core.method.TwoFactorMethod;
import dev.workspace.mfa.core.notification.SecurityNotice;
import dev.workspace.mfa.core.recovery.RecoveryCodeStore;
import dev.workspace.mfa.core.throttle.Throttle;
import dev.workspace.mfa.core.throttle.ThrottleCounters;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.secondfactor.CodePurpose;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorCredential;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Checks a second-factor code, for sign-in or a step-up, under the account's row lock: the active method's code
 * (replay refused by the method) or a recovery code (consumed atomically). Failures of both kinds count on the person's
 * one second-factor counter; 10 in a row lock it for 15 minutes, during which even a right code is refused.
 */
@Stateless
public class SecondFactorVerification {

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private Methods methods;

    @Inject
    private RecoveryCodeStore recoveryCodes;

    @Inject
    private Throttle throttle;

    @Inject
    private AuditLog audit;

    @Inject
    private Event<SecurityNotice> notices;

    @Inject
    private Clock clock;

    /** The person's active credential, if two-factor authentication is on. */
    public Optional<SecondFactorCredential> active(long userId) {
        return em.createNamedQuery(SecondFactorCredential.ACTIVE_FOR_USER, SecondFactorCredential.class)
                .setParameter("userId", userId).getResultStream().findFirst();
    }

    /** Sends a code when the active method needs one; nothing for an app, or when the second factor is locked. */
    public Challenge challenge(long userId, CodePurpose purpose, Client client) {
        LocalDateTime now = LocalDateTime.now(clock);
        Optional<SecondFactorCredential> credential = active(userId);
        if (credential.isEmpty()) {
            return Challenge.nothingToSend();
        }
        TwoFactorMethod method = methods.of(credential.get().getMethod());
        Optional<LocalDateTime> locked = throttle.lockedUntil(ThrottleCounters.secondFactorKey(userId), now);
        Challenge challenge = locked.isPresent()
                ? new Challenge(Challenge.Outcome.LIMITED, method.maskedDestination(credential.get()), locked.get())
                : method.challenge(credential.get(), purpose, client, now);
        return challenge.forMethod(method.description());
    }

    public CodeCheck check(long userId, CodeKind kind, CodePurpose purpose, String code, Client client) {
        LocalDateTime now = LocalDateTime.now(clock);
        UserAccount account = em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        Optional<SecondFactorCredential> credential = active(userId);
        if (account == null || credential.isEmpty()) {
            return CodeCheck.of(CodeCheck.Outcome.NOT_ENROLLED);
        }
        String key = ThrottleCounters.secondFactorKey(userId);
        Optional<LocalDateTime> locked = throttle.lockedUntilForUpdate(key, now);
        if (locked.isPresent()) {
            return CodeCheck.locked(locked.get());
        }
        CodeVerdict verdict = kind == CodeKind.RECOVERY_CODE
                ? (recoveryCodes.consume(account, code, now) ? CodeVerdict.ACCEPTED : CodeVerdict.INVALID)
                : methods.of(credential.get().getMethod()).verify(credential.get(), purpose, code, now);
        if (verdict == CodeVerdict.ACCEPTED) {
            throttle.clearFailures(key, now);
            if (kind == CodeKind.RECOVERY_CODE) {
                int left = recoveryCodes.unused(userId);
                audit.record(AuditEventType.RECOVERY_CODE_USED, userId, userId, account.getEmail(), client.address(),
                        left + " left");
                notices.fire(new SecurityNotice(SecurityNotice.Kind.RECOVERY_CODE_USED, userId, client, clock.instant(),
                        Integer.toString(left)));
                return CodeCheck.accepted(left);
            }
            audit.record(AuditEventType.SECOND_FACTOR_SUCCEEDED, userId, userId, account.getEmail(), client.address(),
                    credential.get().getMethod() + " for " + purpose);
            return CodeCheck.accepted(-1);
        }
        Throttle.Counted after = throttle.countFailure(key, userId, now);
        audit.record(AuditEventType.SECOND_FACTOR_FAILED, null, userId, account.getEmail(), client.address(),
                (kind == CodeKind.RECOVERY_CODE ? "wrong recovery code" : verdict == CodeVerdict.EXPIRED
                        ? "expired or used code" : "wrong code") + " for " + purpose);
        if (after.started()) {
            audit.record(AuditEventType.SECOND_FACTOR_LOCKOUT, null, userId, account.getEmail(), client.address(),
                    "second factor locked until " + after.lockedUntil() + " UTC");
            notices.fire(new SecurityNotice(SecurityNotice.Kind.SECOND_FACTOR_LOCKED, userId, client, clock.instant(),
                    null, after.lockedUntil().toInstant(ZoneOffset.UTC)));
            return CodeCheck.locked(after.lockedUntil());
        }
        return CodeCheck.of(verdict == CodeVerdict.EXPIRED ? CodeCheck.Outcome.EXPIRED : CodeCheck.Outcome.INVALID);
    }
}
