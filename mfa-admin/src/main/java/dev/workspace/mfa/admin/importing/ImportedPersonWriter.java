package dev.workspace.mfa.admin.importing;

import dev.workspace.mfa.core.account.WorkspaceGroups;
import dev.workspace.mfa.admin.people.PeopleAdministration;
import dev.workspace.mfa.admin.people.PersonChanges;
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
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Writes one imported person in a transaction of its own: all of the line, or nothing. */
@Stateless
@RolesAllowed({"admin", "owner"})
public class ImportedPersonWriter {

    /** 80 bits, the least RFC 4226 allows for a shared secret; 512 bits is more than any app makes. */
    private static final int MIN_SECRET_BYTES = 10;
    private static final int MAX_SECRET_BYTES = 64;
    /** As many as the API takes in one person's "groups"; a JSON item could otherwise name thousands in one transaction. */
    static final int MAX_GROUPS = 100;

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private WorkspaceGroups groups;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private PeopleAdministration people;

    @Inject
    private Actors actors;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    /**
     * @return true when the person was created, false when an existing person's name, roles or groups were updated
     *         (under the same rules as an admin's change on the console)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean write(ImportLine line, Client client) {
        Actor actor = actors.current();
        if (line.email() == null || !EmailAddress.isValid(line.email())) {
            throw new AccountRejectedException(AccountRejectedException.Reason.INVALID_EMAIL);
        }
        String email = EmailAddress.normalize(line.email());
        if (line.groups().size() > MAX_GROUPS) {
            throw new ImportLineRefusedException(ImportProblem.TOO_MANY_GROUPS);
        }
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
        Optional<Long> existing = em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class).setParameter("email", email)
                .getResultStream().findFirst().map(UserAccount::getId);
        if (existing.isPresent()) {
            // An import must not become a quiet takeover: a person's password and second factor are theirs to change
            // (or an admin's through Reset 2FA, which emails them), never a file's.
            if (line.password() != null || line.passwordHash() != null || secret != null) {
                throw new ImportLineRefusedException(ImportProblem.EXISTING_PERSON_CREDENTIALS);
            }
            people.change(existing.get(), new PersonChanges(line.name(), line.roles().isEmpty() ? null : line.roles(),
                    line.groups().isEmpty() ? null : line.groups(), null), client);
            return false;
        }
        AdminRules.checkRoleChange(actor, Set.of(Role.USER), roles);
        String passwordHash = line.passwordHash() != null ? line.passwordHash()
                : line.password() != null ? hasher.hash(line.password()) : null;
        UserAccount account = new UserAccount(email, line.name() == null ? email.substring(0, email.indexOf('@')) : line.name(),
                passwordHash == null ? PasswordHasher.NO_PASSWORD : passwordHash, roles, LocalDateTime.now(clock));
        em.persist(account);
        account.getGroups().addAll(groups.resolve(line.groups(), actor, client.address()));
        em.flush();
        audit.recordBy(actor, AuditEventType.ACCOUNT_CREATED, account.getId(), email, client.address(),
                "imported; roles " + roles + (passwordHash == null ? "; no password yet" : ""));
        if (secret != null) {
            twoFactor.installImportedAuthenticator(account.getId(), secret, client);
        }
        return true;
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
