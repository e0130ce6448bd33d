package dev.workspace.mfa.admin.importing;

import dev.workspace.mfa.admin.groups.Groups;
import dev.workspace.mfa.admin.people.Roles;
import dev.workspace.mfa.core.account.AccountRejectedException;
import dev.workspace.mfa.core.account.AccountService;
import dev.workspace.mfa.core.account.AdminRules;
import dev.workspace.mfa.core.account.EmailAddress;
import dev.workspace.mfa.core.audit.Actor;
import dev.workspace.mfa.core.audit.Actors;
import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.password.PasswordHasher;
import dev.workspace.mfa.core.password.PasswordPolicy;
import dev.workspace.mfa.core.secondfactor.TwoFactorService;
import dev.workspace.mfa.core.totp.Base32;
import dev.workspace.mfa.persistence.account.Role;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Set;

/** Writes one imported person in a transaction of its own: all of the line, or nothing. */
@Stateless
@RolesAllowed({"admin", "owner"})
public class ImportedPersonWriter {

    /** 80 bits, the least RFC 4226 allows for a shared secret; 512 bits is more than any app makes. */
    private static final int MIN_SECRET_BYTES = 10;
    private static final int MAX_SECRET_BYTES = 64;

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private Groups groups;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private Actors actors;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    /** @return true when the person was created, false when an existing account was updated */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean write(ImportLine line, Client client) {
        Actor actor = actors.current();
        if (line.email() == null || !EmailAddress.isValid(line.email())) {
            throw new AccountRejectedException(AccountRejectedException.Reason.INVALID_EMAIL);
        }
        String email = EmailAddress.normalize(line.email());
        if (line.password() != null && line.passwordHash() != null) {
            throw new ImportLineRefusedException(ImportProblem.PASSWORD_AND_HASH);
        }
        if (line.passwordHash() != null && !hasher.isImportable(line.passwordHash())) {
            throw new ImportLineRefusedException(ImportProblem.UNSUPPORTED_PASSWORD_HASH);
        }
        if (line.password() != null) {
            PasswordPolicy.check(email, line.password()).ifPresent(violation -> {
                throw new AccountRejectedException(AccountRejectedException.Reason.valueOf("PASSWORD_" + violation.name()));
            });
        }
        byte[] secret = line.totpSecret() == null ? null : secret(line.totpSecret());
        if (line.name() != null && line.name().length() > AccountService.MAX_DISPLAY_NAME_LENGTH) {
            throw new AccountRejectedException(AccountRejectedException.Reason.INVALID_DISPLAY_NAME);
        }
        Set<Role> roles = Roles.parse(line.roles());
        UserAccount account = em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class).setParameter("email", email)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
        boolean created = account == null;
        String passwordHash = line.passwordHash() != null ? line.passwordHash()
                : line.password() != null ? hasher.hash(line.password()) : null;
        if (created) {
            AdminRules.checkRoleChange(actor, Set.of(Role.USER), roles);
            account = new UserAccount(email, line.name() == null ? email.substring(0, email.indexOf('@')) : line.name(),
                    passwordHash == null ? PasswordHasher.NO_PASSWORD : passwordHash, roles, LocalDateTime.now(clock));
            em.persist(account);
            account.getGroups().addAll(groups.resolve(line.groups(), actor, client.address()));
            em.flush();
            audit.recordBy(actor, AuditEventType.ACCOUNT_CREATED, account.getId(), email, client.address(),
                    "imported; roles " + roles + (passwordHash == null ? "; no password yet" : ""));
        } else {
            AdminRules.checkMayChange(actor, account);
            if (!line.roles().isEmpty()) {
                AdminRules.checkRoleChange(actor, account.getRoles(), roles);
                if (!roles.equals(account.getRoles())) {
                    account.setRoles(roles);
                    account.endSessions();
                }
            }
            if (line.name() != null) {
                account.setDisplayName(line.name());
            }
            if (!line.groups().isEmpty()) {
                account.getGroups().clear();
                account.getGroups().addAll(groups.resolve(line.groups(), actor, client.address()));
            }
            if (passwordHash != null) {
                account.setPasswordHash(passwordHash);
                account.setPasswordChangeRequired(false);
                account.endSessions();
            }
            audit.recordBy(actor, AuditEventType.ACCOUNT_UPDATED, account.getId(), email, client.address(),
                    "imported" + (passwordHash != null ? "; password replaced" : ""));
        }
        if (secret != null) {
            twoFactor.installImportedAuthenticator(account.getId(), secret, client);
        }
        return created;
    }

    private static byte[] secret(String base32) {
        try {
            byte[] secret = Base32.decode(base32.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT));
            if (secret.length < MIN_SECRET_BYTES || secret.length > MAX_SECRET_BYTES) {
                throw new ImportLineRefusedException(ImportProblem.BAD_TOTP_SECRET);
            }
            return secret;
        } catch (IllegalArgumentException notBase32) {
            throw new ImportLineRefusedException(ImportProblem.BAD_TOTP_SECRET);
        }
    }
}
