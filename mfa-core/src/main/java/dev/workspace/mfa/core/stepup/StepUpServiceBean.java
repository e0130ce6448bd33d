package dev.workspace.mfa.core.stepup;

import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.crypto.KeyedHash;
import dev.workspace.mfa.core.directory.CompanyDirectory;
import dev.workspace.mfa.core.directory.DirectoryUnavailableException;
import dev.workspace.mfa.core.crypto.ServerKeys;
import dev.workspace.mfa.core.method.Challenge;
import dev.workspace.mfa.core.password.PasswordHasher;
import dev.workspace.mfa.core.signin.PasswordAttempts;
import dev.workspace.mfa.core.signin.SignInResult;
import dev.workspace.mfa.core.verification.CodeCheck;
import dev.workspace.mfa.core.verification.CodeKind;
import dev.workspace.mfa.core.verification.SecondFactorVerification;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.secondfactor.CodePurpose;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The proofs run outside a transaction, like the password step of sign-in: no connection or row lock is held during
 * the slow hash. The code is then checked in a transaction of its own by {@link SecondFactorVerification}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StepUpServiceBean implements StepUpService {

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private PasswordAttempts passwordAttempts;

    @Inject
    private SecondFactorVerification verification;

    @Inject
    private ServerKeys keys;

    @Inject
    private AuditLog audit;

    @Inject
    private CompanyDirectory directory;

    @Inject
    private Clock clock;

    @Override
    public StepUpResult confirm(long userId, String password, CodeKind kind, String code, Client client) {
        UserAccount account = em.find(UserAccount.class, userId);
        Optional<CodeCheck> refused = refusePassword(account, password, client);
        if (refused.isPresent()) {
            return new StepUpResult(refused.get(), null);
        }
        CodeCheck check = verification.check(userId, kind, CodePurpose.STEP_UP, code, client);
        audit.record(check.accepted() ? AuditEventType.STEP_UP_SUCCEEDED : AuditEventType.STEP_UP_FAILED,
                userId, userId, account.getEmail(), client.address(), check.outcome().name());
        return new StepUpResult(check, check.accepted() ? grant(userId) : null);
    }

    @Override
    public StepUpResult confirmPassword(long userId, String password, Client client) {
        if (verification.active(userId).isPresent()) {
            return new StepUpResult(CodeCheck.of(CodeCheck.Outcome.INVALID), null);
        }
        UserAccount account = em.find(UserAccount.class, userId);
        Optional<CodeCheck> refused = refusePassword(account, password, client);
        if (refused.isPresent()) {
            return new StepUpResult(refused.get(), null);
        }
        audit.record(AuditEventType.STEP_UP_SUCCEEDED, userId, userId, account.getEmail(), client.address(),
                "password, before setting up a second factor");
        return new StepUpResult(CodeCheck.accepted(-1), grant(userId));
    }

    @Override
    public Challenge sendCode(long userId, Client client) {
        return verification.challenge(userId, CodePurpose.STEP_UP, client);
    }

    @Override
    public boolean holds(StepUpGrant grant) {
        return grant != null && clock.instant().isBefore(grant.validUntil())
                && KeyedHash.matches(seal(grant.userId(), grant.validUntil()), grant.seal());
    }

    @Override
    public long require(StepUpGrant grant) {
        if (!holds(grant)) {
            throw new StepUpRequiredException();
        }
        return grant.userId();
    }

    private StepUpGrant grant(long userId) {
        Instant until = clock.instant().plus(VALIDITY);
        return new StepUpGrant(userId, until, seal(userId, until));
    }

    private String seal(long userId, Instant until) {
        return KeyedHash.hex(keys.stepUpKey(), userId + ":" + until.toEpochMilli());
    }

    /**
     * The password half of a step-up: empty when the password is right (the failure count starts again), otherwise
     * the refusal. Wrong passwords count towards the sign-in lock, so a step-up cannot be used to guess around it.
     */
    private Optional<CodeCheck> refusePassword(UserAccount account, String password, Client client) {
        LocalDateTime now = LocalDateTime.now(clock);
        Optional<LocalDateTime> locked = passwordAttempts.lockedUntil(account.getEmail(), now);
        if (locked.isPresent()) {
            return Optional.of(CodeCheck.locked(locked.get()));
        }
        boolean right;
        try {
            right = account.isFromDirectory() && directory.configured()
                    ? directory.authenticate(account.getEmail(), password == null ? "" : password).isPresent()
                    : hasher.verify(password == null ? "" : password, account.getPasswordHash());
        } catch (DirectoryUnavailableException e) {
            return Optional.of(CodeCheck.of(CodeCheck.Outcome.UNAVAILABLE));
        }
        if (!right) {
            SignInResult result = passwordAttempts.recordFailure(account.getEmail(), account.getId(), now,
                    client.address(), AuditEventType.STEP_UP_FAILED, "wrong password");
            return Optional.of(result.lockedUntil() != null ? CodeCheck.locked(result.lockedUntil())
                    : CodeCheck.of(CodeCheck.Outcome.INVALID));
        }
        return passwordAttempts.recordStepUpPassword(account.getEmail(), now).map(CodeCheck::locked);
    }
}
