package dev.workspace.mfa.core.secondfactor;

import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.config.MfaSettings;
import dev.workspace.mfa.core.crypto.SecretCipher;
import dev.workspace.mfa.core.crypto.ServerKeys;
import dev.workspace.mfa.core.password.PasswordHasher;
import dev.workspace.mfa.core.recovery.RecoveryCodes;
import dev.workspace.mfa.core.signin.PasswordAttempts;
import dev.workspace.mfa.core.throttle.LockoutRule;
import dev.workspace.mfa.core.totp.KeyUri;
import dev.workspace.mfa.core.totp.Totp;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.secondfactor.RecoveryCode;
import dev.workspace.mfa.persistence.secondfactor.SecondFactor;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;
import dev.workspace.mfa.core.signin.SignInResult;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * Every check of a code runs under a row lock on the person's {@link SecondFactor} ({@code SELECT … FOR UPDATE}), so
 * the last accepted step, the failure count and recovery-code use are consistent across sessions and nodes.
 */
@Stateless
public class TwoFactorServiceBean implements TwoFactorService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(TwoFactorServiceBean.class.getName());

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private ServerKeys keys;

    @Inject
    private MfaSettings settings;

    @Inject
    private TwoFactorPolicy policy;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private PasswordAttempts passwordAttempts;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    private final LockoutRule rule = LockoutRule.DEFAULT;
    private final Totp totp = Totp.STANDARD;

    @Override
    public TwoFactorStatus status(long userId) {
        UserAccount account = em.find(UserAccount.class, userId);
        SecondFactor factor = em.find(SecondFactor.class, userId);
        boolean dismissed = account != null && account.isTwoFactorPromptDismissed();
        if (factor == null) {
            return new TwoFactorStatus(false, null, null, 0, policy.isRequired(), dismissed);
        }
        return new TwoFactorStatus(true, factor.getMethod(), factor.getEnabledAt(), unusedCodes(userId),
                policy.isRequired(), dismissed);
    }

    @Override
    public boolean isEnabled(long userId) {
        return em.find(SecondFactor.class, userId) != null;
    }

    @Override
    public TotpEnrollment beginTotpEnrollment(long userId) {
        UserAccount account = em.find(UserAccount.class, userId);
        byte[] secret = Totp.newSecret(RANDOM);
        return new TotpEnrollment(userId, account.getEmail(), secret,
                KeyUri.totp(settings.issuer(), account.getEmail(), secret), LocalDateTime.now(clock), -1, List.of());
    }

    @Override
    public Optional<TotpEnrollment> verifyEnrollmentCode(TotpEnrollment enrollment, String code) {
        if (enrollment.expiredAt(LocalDateTime.now(clock))) {
            return Optional.empty();
        }
        OptionalLong step = totp.matchingStep(enrollment.secret(), digitsOnly(code), clock.instant().getEpochSecond(),
                enrollment.verifiedStep());
        return step.isPresent()
                ? Optional.of(enrollment.verifiedAt(step.getAsLong(), RecoveryCodes.generate(RANDOM)))
                : Optional.empty();
    }

    @Override
    public FinishOutcome finishTotpEnrollment(TotpEnrollment enrollment, String clientAddress) {
        if (enrollment.expiredAt(LocalDateTime.now(clock))) {
            return FinishOutcome.EXPIRED;
        }
        if (!enrollment.verified()) {
            return FinishOutcome.NOT_VERIFIED;
        }
        long userId = enrollment.userId();
        UserAccount account = em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (em.find(SecondFactor.class, userId) != null) {
            return FinishOutcome.ALREADY_ENABLED;
        }
        String salt = RecoveryCodes.newSalt(RANDOM);
        em.persist(new SecondFactor(userId, SecondFactorMethod.TOTP, LocalDateTime.now(clock),
                SecretCipher.encrypt(keys.totpSecretKey(), enrollment.secret(), secretContext(userId)),
                enrollment.verifiedStep(), salt));
        storeRecoveryCodes(userId, salt, enrollment.recoveryCodes());
        account.endSessions();
        audit.record(AuditEventType.TWO_FACTOR_ENABLED, userId, userId, account.getEmail(), clientAddress,
                "method TOTP; other sessions ended");
        return FinishOutcome.ENABLED;
    }

    @Override
    public CodeCheck checkCode(long userId, CodeKind kind, String code, String clientAddress) {
        SecondFactor factor = em.find(SecondFactor.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (factor == null) {
            return CodeCheck.of(CodeCheck.Outcome.NOT_ENROLLED);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (rule.isLocked(factor.getLockedUntil(), now)) {
            return CodeCheck.locked(factor.getLockedUntil());
        }
        boolean accepted = kind == CodeKind.RECOVERY_CODE ? consumeRecoveryCode(factor, code, now) : acceptTotp(factor, code);
        String email = email(userId);
        if (accepted) {
            factor.setFailures(0);
            factor.setLockedUntil(null);
            if (kind == CodeKind.RECOVERY_CODE) {
                int left = unusedCodes(userId);
                audit.record(AuditEventType.RECOVERY_CODE_USED, userId, userId, email, clientAddress, left + " left");
                return CodeCheck.accepted(left);
            }
            audit.record(AuditEventType.SECOND_FACTOR_SUCCEEDED, userId, userId, email, clientAddress, "TOTP");
            return CodeCheck.accepted(-1);
        }
        LockoutRule.AfterFailure after = rule.afterFailure(factor.getFailures(), now);
        factor.setFailures(after.failures());
        factor.setLockedUntil(after.lockedUntil());
        audit.record(AuditEventType.SECOND_FACTOR_FAILED, null, userId, email, clientAddress,
                kind == CodeKind.RECOVERY_CODE ? "wrong recovery code" : "wrong code");
        if (after.locked()) {
            audit.record(AuditEventType.SECOND_FACTOR_LOCKOUT, null, userId, email, clientAddress,
                    "second factor locked until " + after.lockedUntil() + " UTC");
            return CodeCheck.locked(after.lockedUntil());
        }
        return CodeCheck.of(CodeCheck.Outcome.INVALID);
    }

    /**
     * Outside a transaction, like the password step of sign-in: no connection or row lock is held during the slow
     * hash. The code is then checked through the container (own transaction, row lock) via the business object.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CodeCheck confirmIdentity(long userId, String password, CodeKind kind, String code, String clientAddress) {
        UserAccount account = em.find(UserAccount.class, userId);
        Optional<CodeCheck> refused = refusePassword(account, password, clientAddress);
        if (refused.isPresent()) {
            return refused.get();
        }
        CodeCheck check = session.getBusinessObject(TwoFactorService.class).checkCode(userId, kind, code, clientAddress);
        audit.record(check.accepted() ? AuditEventType.STEP_UP_SUCCEEDED : AuditEventType.STEP_UP_FAILED,
                userId, userId, account.getEmail(), clientAddress, check.outcome().name());
        return check;
    }

    /** Outside a transaction for the same reason as {@link #confirmIdentity}. */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CodeCheck confirmPassword(long userId, String password, String clientAddress) {
        if (em.find(SecondFactor.class, userId) != null) {
            return CodeCheck.of(CodeCheck.Outcome.INVALID);
        }
        UserAccount account = em.find(UserAccount.class, userId);
        Optional<CodeCheck> refused = refusePassword(account, password, clientAddress);
        if (refused.isPresent()) {
            return refused.get();
        }
        audit.record(AuditEventType.STEP_UP_SUCCEEDED, userId, userId, account.getEmail(), clientAddress,
                "password, before setting up a second factor");
        return CodeCheck.accepted(-1);
    }

    /**
     * The password half of a step-up: empty when the password is right (the failure count starts again), otherwise
     * the refusal. Wrong passwords count towards the sign-in lock, so a step-up cannot be used to guess around it.
     */
    private Optional<CodeCheck> refusePassword(UserAccount account, String password, String clientAddress) {
        LocalDateTime now = LocalDateTime.now(clock);
        Optional<LocalDateTime> locked = passwordAttempts.lockedUntil(account.getEmail(), now);
        if (locked.isPresent()) {
            return Optional.of(CodeCheck.locked(locked.get()));
        }
        if (!hasher.verify(password == null ? "" : password, account.getPasswordHash())) {
            SignInResult result = passwordAttempts.recordFailure(account.getEmail(), account.getId(), now, clientAddress,
                    AuditEventType.STEP_UP_FAILED, "wrong password");
            return Optional.of(result.lockedUntil() != null ? CodeCheck.locked(result.lockedUntil()) : CodeCheck.of(CodeCheck.Outcome.INVALID));
        }
        if (!passwordAttempts.recordStepUpPassword(account.getEmail(), now)) {
            return Optional.of(CodeCheck.locked(passwordAttempts.lockedUntil(account.getEmail(), now).orElse(now)));
        }
        return Optional.empty();
    }

    @Override
    public RecoveryCodeRenewal renewRecoveryCodes(long userId) {
        return new RecoveryCodeRenewal(userId, RecoveryCodes.generate(RANDOM));
    }

    @Override
    public boolean replaceRecoveryCodes(RecoveryCodeRenewal renewal, String clientAddress) {
        long userId = renewal.userId();
        SecondFactor factor = em.find(SecondFactor.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (factor == null) {
            return false;
        }
        em.createNamedQuery(RecoveryCode.DELETE_FOR_USER).setParameter("userId", userId).executeUpdate();
        storeRecoveryCodes(userId, factor.getRecoverySalt(), renewal.codes());
        audit.record(AuditEventType.RECOVERY_CODES_REGENERATED, userId, userId, email(userId), clientAddress,
                "all previous codes voided");
        return true;
    }

    @Override
    public List<RecoveryCodeEntry> recoveryCodes(long userId, String clientAddress) {
        boolean reviewable = settings.recoveryCodesReviewable();
        List<RecoveryCodeEntry> entries = em.createNamedQuery(RecoveryCode.FOR_USER, RecoveryCode.class)
                .setParameter("userId", userId).getResultList().stream()
                .map(c -> new RecoveryCodeEntry(c.getPosition(), c.getUsedAt() != null,
                        reviewable && c.getUsedAt() == null && c.getCodeCiphertext() != null
                                ? new String(SecretCipher.decrypt(keys.recoveryCodeEncryptionKey(), c.getCodeCiphertext(),
                                recoveryContext(userId)), StandardCharsets.UTF_8)
                                : null))
                .toList();
        audit.record(AuditEventType.RECOVERY_CODES_VIEWED, userId, userId, email(userId), clientAddress,
                reviewable ? "unused codes shown" : "status only");
        return entries;
    }

    @Override
    public void disable(long userId, String clientAddress) {
        if (policy.isRequired()) {
            throw new TwoFactorRequiredException();
        }
        SecondFactor factor = em.find(SecondFactor.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (factor == null) {
            return;
        }
        em.createNamedQuery(RecoveryCode.DELETE_FOR_USER).setParameter("userId", userId).executeUpdate();
        em.remove(factor);
        UserAccount account = em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        account.endSessions();
        audit.record(AuditEventType.TWO_FACTOR_DISABLED, userId, userId, account.getEmail(), clientAddress,
                "secret and recovery codes removed; other sessions ended");
    }

    @Override
    public void dismissPrompt(long userId) {
        em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE).setTwoFactorPromptDismissed(true);
    }

    private boolean acceptTotp(SecondFactor factor, String code) {
        byte[] secret;
        try {
            secret = SecretCipher.decrypt(keys.totpSecretKey(), factor.getTotpSecret(), secretContext(factor.getUserId()));
        } catch (IllegalStateException unreadable) {
            // Altered, copied from another person's row, or sealed with another master key: no code can match. The
            // caller counts and audits a refused code; an exception would roll that back and reach the sign-in page.
            LOG.severe("The stored TOTP secret of user " + factor.getUserId()
                    + " cannot be decrypted (altered row or another master key); the code is refused");
            return false;
        }
        OptionalLong step = totp.matchingStep(secret, digitsOnly(code), clock.instant().getEpochSecond(),
                factor.getLastAcceptedStep());
        step.ifPresent(factor::setLastAcceptedStep);
        return step.isPresent();
    }

    /** One conditional update: of two simultaneous uses of a code, exactly one changes a row. */
    private boolean consumeRecoveryCode(SecondFactor factor, String typed, LocalDateTime now) {
        return RecoveryCodes.normalize(typed)
                .map(canonical -> em.createNamedQuery(RecoveryCode.CONSUME)
                        .setParameter("now", now)
                        .setParameter("userId", factor.getUserId())
                        .setParameter("codeHash", RecoveryCodes.hash(keys.recoveryCodeKey(), factor.getRecoverySalt(), canonical))
                        .executeUpdate() == 1)
                .orElse(false);
    }

    private void storeRecoveryCodes(long userId, String salt, List<String> codes) {
        boolean reviewable = settings.recoveryCodesReviewable();
        for (int i = 0; i < codes.size(); i++) {
            String canonical = RecoveryCodes.normalize(codes.get(i)).orElseThrow();
            String ciphertext = reviewable
                    ? SecretCipher.encrypt(keys.recoveryCodeEncryptionKey(), codes.get(i).getBytes(StandardCharsets.UTF_8), recoveryContext(userId))
                    : null;
            em.persist(new RecoveryCode(userId, i + 1, RecoveryCodes.hash(keys.recoveryCodeKey(), salt, canonical), ciphertext));
        }
    }

    private int unusedCodes(long userId) {
        return em.createNamedQuery(RecoveryCode.COUNT_UNUSED, Long.class).setParameter("userId", userId)
                .getSingleResult().intValue();
    }

    private String email(long userId) {
        return em.find(UserAccount.class, userId).getEmail();
    }

    /** Authenticator apps often show "123 456"; people type it so. */
    private static String digitsOnly(String code) {
        return code == null ? null : code.replaceAll("[\\s-]", "");
    }

    private static String secretContext(long userId) {
        return "totp-secret:" + userId;
    }

    private static String recoveryContext(long userId) {
        return "recovery-code:" + userId;
    }
}
