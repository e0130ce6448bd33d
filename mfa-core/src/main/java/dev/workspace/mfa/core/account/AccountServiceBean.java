package dev.workspace.mfa.core.account;

import dev.workspace.mfa.core.audit.Actor;
import dev.workspace.mfa.core.audit.Actors;
import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.notification.SecurityNotice;
import dev.workspace.mfa.core.stepup.StepUpGrant;
import dev.workspace.mfa.core.stepup.StepUpService;
import dev.workspace.mfa.core.throttle.ThrottleCounters;
import dev.workspace.mfa.persistence.throttle.SignInThrottle;
import dev.workspace.mfa.core.password.PasswordHasher;
import dev.workspace.mfa.core.password.PasswordPolicy;
import dev.workspace.mfa.persistence.account.Role;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static dev.workspace.mfa.core.account.AccountRejectedException.Reason;

@Stateless
public class AccountServiceBean implements AccountService {

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private AuditLog audit;

    @Inject
    private Actors actors;

    @Inject
    private StepUpService stepUp;

    @Inject
    private ThrottleCounters counters;

    @Inject
    private Event<SecurityNotice> notices;

    @Inject
    private Clock clock;

    @Override
    public AccountSummary createAccount(String email, String displayName, String password, Set<Role> roles, Actor createdBy) {
        if (!EmailAddress.isValid(email)) {
            throw new AccountRejectedException(Reason.INVALID_EMAIL);
        }
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw new AccountRejectedException(Reason.INVALID_DISPLAY_NAME);
        }
        checkPasswordRules(email, password);
        String normalized = EmailAddress.normalize(email);
        if (findEntity(normalized).isPresent()) {
            throw new AccountRejectedException(Reason.EMAIL_TAKEN);
        }
        Set<Role> granted = EnumSet.of(Role.USER);
        granted.addAll(roles);
        UserAccount account = new UserAccount(normalized, name, hasher.hash(password), granted, LocalDateTime.now(clock));
        try {
            em.persist(account);
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                // Another node or request created the same email since our check.
                throw new AccountRejectedException(Reason.EMAIL_TAKEN);
            }
            throw e;
        }
        audit.recordBy(createdBy, AuditEventType.ACCOUNT_CREATED, account.getId(), normalized, null, "roles " + granted);
        return AccountSummary.of(account);
    }

    @Override
    public void requirePasswordChange(long id) {
        em.find(UserAccount.class, id, LockModeType.PESSIMISTIC_WRITE).setPasswordChangeRequired(true);
    }

    @Override
    public void replaceTemporaryPassword(long id, String newPassword, String clientAddress) {
        UserAccount account = em.find(UserAccount.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || !account.isPasswordChangeRequired()) {
            throw new AccountRejectedException(Reason.NOT_TEMPORARY);
        }
        replacePassword(account, newPassword);
        audit.record(AuditEventType.PASSWORD_CHANGED, id, id, account.getEmail(), clientAddress,
                "temporary password replaced; other sessions ended");
    }

    /** A new password that follows the rules and differs from the old one; the person's other sessions end. */
    private void replacePassword(UserAccount account, String newPassword) {
        if (account.isFromDirectory()) {
            throw new AccountRejectedException(Reason.DIRECTORY_PASSWORD);
        }
        checkPasswordRules(account.getEmail(), newPassword);
        if (hasher.verify(newPassword, account.getPasswordHash())) {
            throw new AccountRejectedException(Reason.PASSWORD_UNCHANGED);
        }
        account.setPasswordHash(hasher.hash(newPassword));
        account.setPasswordChangeRequired(false);
        account.endSessions();
    }

    @Override
    public void changePassword(StepUpGrant grant, String newPassword, Client client) {
        long id = stepUp.require(grant);
        UserAccount account = em.find(UserAccount.class, id, LockModeType.PESSIMISTIC_WRITE);
        replacePassword(account, newPassword);
        audit.record(AuditEventType.PASSWORD_CHANGED, id, id, account.getEmail(), client.address(),
                "changed by the person; other sessions ended");
        notices.fire(new SecurityNotice(SecurityNotice.Kind.PASSWORD_CHANGED, id, client, clock.instant(), null));
    }

    @Override
    public AccountSummary endOtherSessions(long id, String clientAddress) {
        UserAccount account = em.find(UserAccount.class, id, LockModeType.PESSIMISTIC_WRITE);
        account.endSessions();
        audit.record(AuditEventType.SESSIONS_ENDED, id, id, account.getEmail(), clientAddress, "other sessions ended");
        return AccountSummary.of(account);
    }

    static void checkPasswordRules(String email, String password) {
        PasswordPolicy.check(email, password).ifPresent(violation -> {
            throw new AccountRejectedException(switch (violation) {
                case TOO_SHORT -> Reason.PASSWORD_TOO_SHORT;
                case TOO_LONG -> Reason.PASSWORD_TOO_LONG;
                case SAME_AS_EMAIL -> Reason.PASSWORD_SAME_AS_EMAIL;
            });
        });
    }

    @Override
    @RolesAllowed({"admin", "owner"})
    public void unlock(long id, Client client) {
        Actor actor = actors.current();
        UserAccount account = em.find(UserAccount.class, id, LockModeType.PESSIMISTIC_WRITE);
        AdminRules.checkMayChange(actor, account);
        boolean wasLocked = isLocked(id);
        em.createNamedQuery(SignInThrottle.DELETE_FOR_ACCOUNT).setParameter("accountId", id).executeUpdate();
        // Failures counted before the counter named its person (an upgrade) are found by their keys.
        for (String key : List.of(counters.emailKey(account.getEmail()), ThrottleCounters.secondFactorKey(id))) {
            counters.lockedIfPresent(key).ifPresent(counters::remove);
        }
        audit.recordBy(actor, AuditEventType.ACCOUNT_UNLOCKED, id, account.getEmail(), client.address(),
                wasLocked ? "password and second-factor lockouts cleared" : "failure counts cleared (no lock was running)");
        notices.fire(new SecurityNotice(SecurityNotice.Kind.ACCOUNT_UNLOCKED, id, client, clock.instant(), null));
    }

    @Override
    public boolean isLocked(long id) {
        return em.createNamedQuery(SignInThrottle.LOCKED_FOR_ACCOUNT, Long.class).setParameter("accountId", id)
                .setParameter("now", LocalDateTime.now(clock)).getSingleResult() > 0;
    }

    @Override
    public Optional<AccountSummary> findByEmail(String email) {
        return findEntity(EmailAddress.normalize(email)).map(AccountSummary::of);
    }

    @Override
    public Optional<AccountSummary> findById(long id) {
        return Optional.ofNullable(em.find(UserAccount.class, id)).map(AccountSummary::of);
    }

    @Override
    public OptionalInt liveSessionGeneration(long id) {
        return em.createNamedQuery(UserAccount.SESSION_STATE, Object[].class).setParameter("id", id).getResultStream()
                .filter(state -> Boolean.TRUE.equals(state[0])).mapToInt(state -> ((Number) state[1]).intValue())
                .findFirst();
    }

    @Override
    public List<AccountSummary> listAccounts() {
        return em.createNamedQuery(UserAccount.ALL, UserAccount.class).getResultList().stream()
                .map(AccountSummary::of).toList();
    }

    @Override
    public boolean anyAccountWithRole(Role role) {
        return em.createNamedQuery(UserAccount.COUNT_WITH_ROLE, Long.class).setParameter("role", role)
                .getSingleResult() > 0;
    }

    /** SQLSTATE class 23 is "integrity constraint violation" in H2 and PostgreSQL alike. */
    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private Optional<UserAccount> findEntity(String normalizedEmail) {
        return em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class)
                .setParameter("email", normalizedEmail)
                .getResultStream().findFirst();
    }
}
