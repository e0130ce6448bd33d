package dev.workspace.mfa.admin.people;

import dev.workspace.mfa.core.account.WorkspaceGroups;
import dev.workspace.mfa.core.account.AccountRejectedException;
import dev.workspace.mfa.core.account.AccountService;
import dev.workspace.mfa.core.account.AdminActionRefusedException;
import dev.workspace.mfa.core.account.AdminRules;
import dev.workspace.mfa.core.account.PasswordLinks;
import dev.workspace.mfa.core.audit.Actor;
import dev.workspace.mfa.core.audit.Actors;
import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.core.password.TemporaryPasswords;
import dev.workspace.mfa.core.secondfactor.TwoFactorService;
import dev.workspace.mfa.persistence.account.Role;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.people.WorkspaceGroup;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A change locks the person's row, and a change that could remove an owner also locks every active owner's row, so
 * two admins demoting the last two owners at once cannot both succeed.
 */
@Stateless
@RolesAllowed({"admin", "owner"})
public class PeopleAdministrationBean implements PeopleAdministration {

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private AccountService accounts;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private PasswordLinks links;

    @Inject
    private WorkspaceGroups groups;

    @Inject
    private PeopleDirectory directory;

    @Inject
    private Actors actors;

    @Inject
    private AuditLog audit;

    @Override
    public AddedPerson add(NewPerson person, String linkBase, Client client) {
        Actor actor = actors.current();
        Set<Role> roles = Roles.parse(person.roles());
        AdminRules.checkRoleChange(actor, Set.of(Role.USER), roles);
        Set<WorkspaceGroup> memberOf = groups.resolve(person.groups(), actor, client.address());
        String temporary = person.invite() || person.password() != null ? null : TemporaryPasswords.generate();
        // An invited person's first password is the one they choose through the link; until then none opens the account.
        String password = person.invite() ? TemporaryPasswords.generate() + TemporaryPasswords.generate()
                : temporary != null ? temporary : person.password();
        long id = accounts.createAccount(person.email(), person.name(), password, roles, actor).id();
        if (temporary != null) {
            accounts.requirePasswordChange(id);
        }
        em.find(UserAccount.class, id).getGroups().addAll(memberOf);
        if (person.invite()) {
            links.sendInvitation(id, linkBase, client);
        }
        em.flush();
        return new AddedPerson(directory.person(id).orElseThrow(), temporary);
    }

    @Override
    public Person change(long id, PersonChanges changes, Client client) {
        Actor actor = actors.current();
        // Owners' rows before the person's: every change that may remove an owner takes the locks in the same order,
        // so two of them at once wait for each other instead of deadlocking.
        long activeOwners = changes.roles() != null || changes.active() != null ? lockActiveOwners() : 0;
        UserAccount account = em.find(UserAccount.class, id, LockModeType.PESSIMISTIC_WRITE);
        AdminRules.checkMayChange(actor, account);
        Set<Role> rolesBefore = account.getRoles();
        Set<Role> rolesAfter = changes.roles() == null ? rolesBefore : Roles.parse(changes.roles());
        AdminRules.checkRoleChange(actor, rolesBefore, rolesAfter);
        boolean activeBefore = account.isEnabled();
        boolean activeAfter = changes.active() == null ? activeBefore : changes.active();
        if (!activeAfter && activeBefore && actor.is(id)) {
            throw new AdminActionRefusedException(AdminActionRefusedException.Reason.OWN_ACCOUNT);
        }
        boolean ownerBefore = activeBefore && rolesBefore.contains(Role.OWNER);
        boolean ownerAfter = activeAfter && rolesAfter.contains(Role.OWNER);
        if (ownerBefore && !ownerAfter) {
            AdminRules.checkOwnerRemains(activeOwners, true, false);
        }
        List<String> changed = new ArrayList<>();
        if (changes.name() != null && !changes.name().strip().equals(account.getDisplayName())) {
            account.setDisplayName(validName(changes.name()));
            changed.add("name");
        }
        if (!rolesAfter.equals(rolesBefore)) {
            account.setRoles(rolesAfter);
            account.endSessions();
            changed.add("roles " + Roles.names(rolesAfter));
        }
        if (changes.groups() != null) {
            Set<WorkspaceGroup> memberOf = groups.resolve(changes.groups(), actor, client.address());
            if (!names(memberOf).equals(names(account.getGroups()))) {
                account.getGroups().clear();
                account.getGroups().addAll(memberOf);
                changed.add("groups " + names(memberOf));
            }
        }
        if (!changed.isEmpty()) {
            audit.recordBy(actor, AuditEventType.ACCOUNT_UPDATED, id, account.getEmail(), client.address(),
                    String.join("; ", changed));
        }
        if (activeAfter != activeBefore) {
            account.setEnabled(activeAfter);
            account.endSessions();
            audit.recordBy(actor, activeAfter ? AuditEventType.ACCOUNT_REACTIVATED : AuditEventType.ACCOUNT_DEACTIVATED,
                    id, account.getEmail(), client.address(), activeAfter ? "may sign in again" : "sign-in refused; all sessions ended");
        }
        em.flush();
        return directory.person(id).orElseThrow();
    }

    @Override
    public void unlock(long id, Client client) {
        accounts.unlock(id, client);
    }

    @Override
    public void resetTwoFactor(long id, Client client) {
        twoFactor.resetByAdministrator(id, client);
    }

    @Override
    public void resendInvitation(long id, String linkBase, Client client) {
        links.sendInvitation(id, linkBase, client);
    }

    /**
     * Locks the rows of every active owner, in id order (so two such changes cannot deadlock), and says how many are
     * still active owners once locked.
     */
    private long lockActiveOwners() {
        return em.createQuery("SELECT u.id FROM UserAccount u JOIN u.roles r WHERE r = :owner AND u.enabled = TRUE "
                        + "ORDER BY u.id", Long.class).setParameter("owner", Role.OWNER).getResultList().stream()
                .map(ownerId -> em.find(UserAccount.class, ownerId, LockModeType.PESSIMISTIC_WRITE))
                .filter(owner -> owner != null && owner.isEnabled() && owner.getRoles().contains(Role.OWNER))
                .count();
    }

    private static String validName(String name) {
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > AccountService.MAX_DISPLAY_NAME_LENGTH) {
            throw new AccountRejectedException(AccountRejectedException.Reason.INVALID_DISPLAY_NAME);
        }
        return stripped;
    }

    private static Set<String> names(Set<WorkspaceGroup> groups) {
        return groups.stream().map(WorkspaceGroup::getNameKey).collect(Collectors.toCollection(TreeSet::new));
    }
}
