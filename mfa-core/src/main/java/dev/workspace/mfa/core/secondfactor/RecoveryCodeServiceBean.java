package dev.workspace.mfa.core.secondfactor;

import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.notification.SecurityNotice;
import dev.workspace.mfa.core.policy.PolicyService;
import dev.workspace.mfa.core.recovery.RecoveryCodeEntry;
import dev.workspace.mfa.core.recovery.RecoveryCodeRenewal;
import dev.workspace.mfa.core.recovery.RecoveryCodeStore;
import dev.workspace.mfa.core.stepup.StepUpGrant;
import dev.workspace.mfa.core.stepup.StepUpRequiredException;
import dev.workspace.mfa.core.stepup.StepUpService;
import dev.workspace.mfa.core.verification.SecondFactorVerification;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.List;

/** Each use case checks its step-up grant first and works on the grant's person only. */
@Stateless
public class RecoveryCodeServiceBean implements RecoveryCodeService {

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private RecoveryCodeStore store;

    @Inject
    private SecondFactorVerification verification;

    @Inject
    private StepUpService stepUp;

    @Inject
    private PolicyService policies;

    @Inject
    private AuditLog audit;

    @Inject
    private Event<SecurityNotice> notices;

    @Inject
    private Clock clock;

    @Override
    public RecoveryCodeRenewal renew(StepUpGrant grant) {
        return new RecoveryCodeRenewal(stepUp.require(grant), store.generate());
    }

    @Override
    public boolean replace(StepUpGrant grant, RecoveryCodeRenewal renewal, Client client) {
        long userId = stepUp.require(grant);
        if (userId != renewal.userId()) {
            throw new StepUpRequiredException();
        }
        UserAccount account = em.find(UserAccount.class, userId, LockModeType.PESSIMISTIC_WRITE);
        if (verification.active(userId).isEmpty()) {
            return false;
        }
        store.replaceAll(account, renewal.codes(), policies.current().recoveryCodesViewable());
        audit.record(AuditEventType.RECOVERY_CODES_REGENERATED, userId, userId, account.getEmail(), client.address(),
                "all previous codes voided");
        notices.fire(new SecurityNotice(SecurityNotice.Kind.RECOVERY_CODES_REGENERATED, userId, client, clock.instant(), null));
        return true;
    }

    @Override
    public List<RecoveryCodeEntry> list(StepUpGrant grant, Client client) {
        long userId = stepUp.require(grant);
        boolean viewable = policies.current().recoveryCodesViewable();
        List<RecoveryCodeEntry> entries = store.entries(userId, viewable);
        audit.record(AuditEventType.RECOVERY_CODES_VIEWED, userId, userId, em.find(UserAccount.class, userId).getEmail(),
                client.address(), viewable ? "unused codes shown" : "status only");
        return entries;
    }
}
