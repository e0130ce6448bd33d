package dev.workspace.mfa.core.secondfactor;

import dev.workspace.mfa.core.account.AdminActionRefusedException;
import dev.workspace.mfa.core.account.AdminRules;
import dev.workspace.mfa.core.audit.Actor;
import dev.workspace.mfa.core.audit.Actors;
import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.crypto.KeyedHash;
import dev.workspace.mfa.core.crypto.ServerKeys;
import dev.workspace.mfa.core.method.Challenge;
import dev.workspace.mfa.core.method.CodeVerdict;
import dev.workspace.mfa.core.method.EnrollmentCheck;
import dev.workspace.mfa.core.method.EnrollmentRefusedException;
import dev.workspace.mfa.core.method.MethodDescription;
import dev.workspace.mfa.core.method.MethodEnrollment;
import dev.workspace.mfa.core.method.Methods;
import dev.workspace.mfa.core.notification.SecurityNotice;
import dev.workspace.mfa.core.policy.PolicyService;
import dev.workspace.mfa.core.policy.TwoFactorRequirement;
import dev.workspace.mfa.core.policy.WorkspacePolicy;
import dev.workspace.mfa.core.recovery.RecoveryCodeStore;
import dev.workspace.mfa.core.stepup.StepUpGrant;
import dev.workspace.mfa.core.stepup.StepUpRequiredException;
import dev.workspace.mfa.core.stepup.StepUpService;
import dev.workspace.mfa.core.verification.CodeCheck;
import dev.workspace.mfa.core.verification.CodeKind;
import dev.workspace.mfa.core.verification.SecondFactorVerification;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.secondfactor.CodePurpose;
import dev.workspace.mfa.persistence.secondfactor.OneTimeCode;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorCredential;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Changes run under the account's row lock ({@code SELECT … FOR UPDATE}), so two finishes, a finish and a disable, or
 * a change and a sign-in on any node see each other's result. Exactly one credential is active: Finish stores the new
 * one and removes the one it replaces in the same transaction.
 */
@Stateless
public class TwoFactorServiceBean implements TwoFactorService {

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private Methods methods;

    @Inject
    private SecondFactorVerification verification;

    @Inject
    private RecoveryCodeStore recoveryCodes;

    @Inject
    private StepUpService stepUp;

    @Inject
    private PolicyService policies;

    @Inject
    private ServerKeys keys;

    @Inject
    private AuditLog audit;

    @Inject
    private Event<SecurityNotice> notices;

    @Inject
    private Actors actors;

    @Inject
    private Clock clock;

    @Override
    public TwoFactorStatus status(long userId) {
        TwoFactorRequirement requirement = policies.requirementFor(userId);
        return verification.active(userId)
                .map(c -> new TwoFactorStatus(true, methods.of(c.getMethod()).description(), methods.of(c.getMethod()).maskedDestination(c),
                        c.getCreatedAt(), recoveryCodes.unused(userId), requirement))
                .orElseGet(() -> new TwoFactorStatus(false, null, null, null, 0, requirement));
    }

    @Override
    public boolean isEnabled(long userId) {
        return verification.active(userId).isPresent();
    }

    @Override
    public List<MethodDescription> offeredMethods() {
        return Arrays.stream(SecondFactorMethod.values()).filter(allowed()::contains)
                .map(m -> methods.of(m).description()).toList();
    }

    @Override
    public MethodEnrollment beginEnrollment(StepUpGrant grant, SecondFactorMethod method, String destination, Client client) {
        long userId = stepUp.require(grant);
        if (!allowed().contains(method)) {
            throw new EnrollmentRefusedException(EnrollmentRefusedException.Reason.NOT_ALLOWED, null);
        }
        UserAccount account = em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        return methods.of(method).begin(userId, account.getEmail(), destination, client, LocalDateTime.now(clock));
    }

    @Override
    public EnrollmentCheck verifyEnrollment(MethodEnrollment enrollment, String code, Client client) {
        LocalDateTime now = LocalDateTime.now(clock);
        if (enrollment.expiredAt(now)) {
            return EnrollmentCheck.refused(CodeVerdict.EXPIRED);
        }
        em.find(UserAccount.class, enrollment.userId(), LockModeType.PESSIMISTIC_WRITE);
        EnrollmentCheck check = methods.of(enrollment.method()).confirm(enrollment, code, now);
        if (!check.accepted()) {
            return check;
        }
        List<String> codes = isEnabled(enrollment.userId()) ? List.of() : recoveryCodes.generate();
        MethodEnrollment verified = check.enrollment().proven(codes, null);
        return EnrollmentCheck.verified(verified.proven(codes, seal(verified)));
    }

    @Override
    public FinishOutcome finishEnrollment(StepUpGrant grant, MethodEnrollment enrollment, Client client) {
        long userId = stepUp.require(grant);
        LocalDateTime now = LocalDateTime.now(clock);
        if (userId != enrollment.userId()) {
            throw new StepUpRequiredException();
        }
        if (enrollment.expiredAt(now)) {
            return FinishOutcome.EXPIRED;
        }
        if (!enrollment.verified() || enrollment.proof() == null || !KeyedHash.matches(seal(enrollment), enrollment.proof())) {
            return FinishOutcome.NOT_VERIFIED;
        }
        if (!allowed().contains(enrollment.method())) {
            return FinishOutcome.NOT_ALLOWED;
        }
        UserAccount account = em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        Optional<SecondFactorCredential> previous = verification.active(userId);
        boolean firstMethod = !enrollment.recoveryCodes().isEmpty();
        if (firstMethod && previous.isPresent()) {
            return FinishOutcome.ALREADY_ENABLED;
        }
        if (!firstMethod && previous.isEmpty()) {
            return FinishOutcome.STALE;
        }
        previous.ifPresent(em::remove);
        em.flush();
        em.persist(methods.of(enrollment.method()).credential(enrollment, now));
        if (firstMethod) {
            recoveryCodes.replaceAll(account, enrollment.recoveryCodes(), policies.current().recoveryCodesViewable());
        }
        account.endSessions();
        FinishOutcome outcome = previous.isEmpty() ? FinishOutcome.ENABLED
                : previous.get().getMethod() == enrollment.method() ? FinishOutcome.REPLACED : FinishOutcome.METHOD_CHANGED;
        record(outcome, account, previous.map(SecondFactorCredential::getMethod), enrollment.method(), client);
        return outcome;
    }

    private void record(FinishOutcome outcome, UserAccount account, Optional<SecondFactorMethod> before,
                        SecondFactorMethod after, Client client) {
        AuditEventType event = switch (outcome) {
            case ENABLED -> AuditEventType.TWO_FACTOR_ENABLED;
            case REPLACED -> AuditEventType.AUTHENTICATOR_REPLACED;
            default -> AuditEventType.TWO_FACTOR_METHOD_CHANGED;
        };
        SecurityNotice.Kind notice = switch (outcome) {
            case ENABLED -> SecurityNotice.Kind.TWO_FACTOR_ENABLED;
            case REPLACED -> SecurityNotice.Kind.AUTHENTICATOR_REPLACED;
            default -> SecurityNotice.Kind.METHOD_CHANGED;
        };
        audit.record(event, account.getId(), account.getId(), account.getEmail(), client.address(),
                before.map(m -> m + " -> ").orElse("") + "method " + after + "; other sessions ended");
        notices.fire(new SecurityNotice(notice, account.getId(), client, clock.instant(), after.name()));
    }

    @Override
    public Challenge startSignIn(long userId, Client client) {
        return verification.challenge(userId, CodePurpose.SIGN_IN, client);
    }

    @Override
    public CodeCheck checkCode(long userId, CodeKind kind, String code, Client client) {
        return verification.check(userId, kind, CodePurpose.SIGN_IN, code, client);
    }

    @Override
    public void disable(StepUpGrant grant, Client client) {
        long userId = stepUp.require(grant);
        if (policies.requirementFor(userId).required()) {
            throw new TwoFactorRequiredException();
        }
        UserAccount account = em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (verification.active(userId).isEmpty()) {
            return;
        }
        removeEverySecondFactor(userId);
        account.endSessions();
        audit.record(AuditEventType.TWO_FACTOR_DISABLED, userId, userId, account.getEmail(), client.address(),
                "credentials and recovery codes removed; other sessions ended");
        notices.fire(new SecurityNotice(SecurityNotice.Kind.TWO_FACTOR_DISABLED, userId, client, clock.instant(), null));
    }

    @Override
    @RolesAllowed({"admin", "owner"})
    public void resetByAdministrator(long userId, Client client) {
        Actor actor = actors.current();
        UserAccount account = em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        AdminRules.checkMayChange(actor, account);
        if (actor.is(userId)) {
            throw new AdminActionRefusedException(AdminActionRefusedException.Reason.OWN_ACCOUNT);
        }
        removeEverySecondFactor(userId);
        account.endSessions();
        audit.recordBy(actor, AuditEventType.TWO_FACTOR_RESET, userId, account.getEmail(), client.address(),
                "credentials, sent codes and recovery codes removed; all sessions ended");
        notices.fire(new SecurityNotice(SecurityNotice.Kind.TWO_FACTOR_RESET, userId, client, clock.instant(), null));
    }

    @Override
    @RolesAllowed({"admin", "owner"})
    public void installImportedAuthenticator(long userId, byte[] secret, Client client) {
        Actor actor = actors.current();
        UserAccount account = em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        AdminRules.checkMayChange(actor, account);
        LocalDateTime now = LocalDateTime.now(clock);
        em.createNamedQuery(SecondFactorCredential.DELETE_FOR_USER).setParameter("userId", userId).executeUpdate();
        em.persist(methods.of(SecondFactorMethod.TOTP).credential(
                MethodEnrollment.started(userId, account.getEmail(), SecondFactorMethod.TOTP, null, secret, null, now), now));
        account.endSessions();
        audit.recordBy(actor, AuditEventType.TWO_FACTOR_ENABLED, userId, account.getEmail(), client.address(),
                "authenticator secret imported");
    }

    private void removeEverySecondFactor(long userId) {
        em.createNamedQuery(SecondFactorCredential.DELETE_FOR_USER).setParameter("userId", userId).executeUpdate();
        em.createNamedQuery(OneTimeCode.DELETE_FOR_USER).setParameter("userId", userId).executeUpdate();
        recoveryCodes.removeAll(userId);
    }

    @Override
    public void dismissPrompt(long userId) {
        em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE).setTwoFactorPromptDismissed(true);
    }

    /** The methods the workspace policy allows now. */
    private Set<SecondFactorMethod> allowed() {
        WorkspacePolicy policy = policies.current();
        return Arrays.stream(SecondFactorMethod.values()).filter(m -> policy.allowedMethods().contains(m.name()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The seal over what Finish stores (the seal itself is not part of it). */
    private String seal(MethodEnrollment enrollment) {
        return KeyedHash.hex(keys.stepUpKey(), "enrollment:" + enrollment.sealedContent());
    }
}
