package dev.workspace.mfa.core.directory;

import dev.workspace.mfa.core.account.AccountService;
import dev.workspace.mfa.core.account.AdminActionRefusedException;
import dev.workspace.mfa.core.account.WorkspaceGroups;
import dev.workspace.mfa.core.audit.Actor;
import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.password.PasswordHasher;
import dev.workspace.mfa.persistence.account.Role;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.people.WorkspaceGroup;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The directory decides a directory person's name and groups, and their roles when {@code MFA_LDAP_ADMIN_GROUPS} or
 * {@code MFA_LDAP_OWNER_GROUPS} is set (never taking the last owner's role away). Changes are audited with the
 * directory as the actor.
 */
@Stateless
public class DirectoryAccountsBean implements DirectoryAccounts {

    private static final Logger LOG = Logger.getLogger(DirectoryAccountsBean.class.getName());

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private CompanyDirectory directory;

    @Inject
    private WorkspaceGroups groups;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    @Override
    public long signedIn(String email, DirectoryPerson person, String clientAddress) {
        LocalDateTime now = LocalDateTime.now(clock);
        UserAccount account = em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class).setParameter("email", email)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
        if (account == null) {
            account = new UserAccount(email, displayName(person, email), PasswordHasher.NO_PASSWORD, EnumSet.of(Role.USER), now);
            em.persist(account);
            em.flush();
            describe(account, person, now, clientAddress);
            audit.recordBy(Actor.DIRECTORY, AuditEventType.ACCOUNT_CREATED, account.getId(), email, clientAddress,
                    "at the first sign-in, from the directory; roles " + roleNames(account.getRoles()) + "; groups "
                            + groupNames(account));
            return account.getId();
        }
        if (!account.isFromDirectory() || !isEntryOf(account, person)) {
            // Another entry now carries this email (a reused address, an edited mail attribute): it does not get the
            // account, its roles or its second factor.
            LOG.warning(() -> "Directory: " + email + " belongs to another directory entry than the account's; refused");
            throw new DirectoryEntryMismatchException();
        }
        String changed = describe(account, person, now, clientAddress);
        if (!changed.isEmpty()) {
            audit.recordBy(Actor.DIRECTORY, AuditEventType.ACCOUNT_UPDATED, account.getId(), email, clientAddress,
                    "at sign-in, from the directory: " + changed);
        }
        return account.getId();
    }

    @Override
    public SyncReport synchronise(List<DirectoryPerson> everyone) {
        LocalDateTime now = LocalDateTime.now(clock);
        Map<String, DirectoryPerson> byEmail = everyone.stream()
                .collect(Collectors.toMap(DirectoryPerson::email, Function.identity(), (first, second) -> first));
        List<UserAccount> ours = em.createNamedQuery(UserAccount.FROM_DIRECTORY, UserAccount.class).getResultList();
        if (byEmail.isEmpty() && !ours.isEmpty()) {
            LOG.warning("Directory sync: the directory lists nobody; check MFA_LDAP_USER_BASE and MFA_LDAP_USER_FILTER."
                    + " Nobody was deactivated.");
            return new SyncReport(0, 0, 0);
        }
        int refreshed = 0;
        int deactivated = 0;
        for (UserAccount account : ours) {
            DirectoryPerson person = byEmail.get(account.getEmail());
            // An email now on another entry means the account's own entry is gone: its person left.
            if (person != null && isEntryOf(account, person)) {
                String changed = describe(account, person, now, null);
                if (!changed.isEmpty()) {
                    audit.recordBy(Actor.DIRECTORY, AuditEventType.ACCOUNT_UPDATED, account.getId(), account.getEmail(),
                            null, "by the sync, from the directory: " + changed);
                }
                refreshed++;
            } else if (lastActiveOwner(account)) {
                LOG.warning(() -> "Directory sync: " + account.getEmail() + " left the directory but is the last active owner;"
                        + " kept active");
            } else if (account.isEnabled()) {
                account.setEnabled(false);
                account.endSessions();
                audit.recordBy(Actor.DIRECTORY, AuditEventType.ACCOUNT_DEACTIVATED, account.getId(), account.getEmail(),
                        null, "no longer in the directory; sessions ended");
                deactivated++;
            }
        }
        return new SyncReport(byEmail.size(), refreshed, deactivated);
    }

    /** Brings the account in line with the directory; says what changed ("" for nothing). */
    private String describe(UserAccount account, DirectoryPerson person, LocalDateTime now, String clientAddress) {
        StringBuilder changed = new StringBuilder();
        String name = displayName(person, account.getEmail());
        if (!name.equals(account.getDisplayName())) {
            changed.append("name ").append(account.getDisplayName()).append(" -> ").append(name).append("; ");
            account.setDisplayName(name);
        }
        Set<WorkspaceGroup> directoryGroups = groups.resolve(validGroupNames(person.groups()), Actor.DIRECTORY, clientAddress);
        Set<String> before = keys(account.getGroups());
        if (!before.equals(keys(directoryGroups))) {
            changed.append("groups ").append(groupNames(account)).append(" -> ");
            account.getGroups().clear();
            account.getGroups().addAll(directoryGroups);
            changed.append(groupNames(account)).append("; ");
        }
        Set<Role> roles = rolesFor(person, account);
        if (!roles.equals(account.getRoles())) {
            changed.append("roles ").append(roleNames(account.getRoles())).append(" -> ").append(roleNames(roles))
                    .append("; sessions ended; ");
            account.setRoles(roles);
            // As when an admin changes roles: no session keeps rights the directory took away.
            account.endSessions();
        }
        account.describedByDirectory(person.dn(), now);
        return changed.isEmpty() ? "" : changed.substring(0, changed.length() - 2);
    }

    /** From the mapped groups when a mapping is set; otherwise the roles stay what admins gave. */
    private Set<Role> rolesFor(DirectoryPerson person, UserAccount account) {
        DirectorySettings settings = directory.settings().orElseThrow();
        if (settings.adminGroups().isEmpty() && settings.ownerGroups().isEmpty()) {
            return account.getRoles();
        }
        Set<String> memberOf = person.groups().stream().map(g -> g.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<Role> roles = EnumSet.of(Role.USER);
        if (!Collections.disjoint(memberOf, settings.adminGroups())) {
            roles.add(Role.ADMIN);
        }
        boolean owner = !Collections.disjoint(memberOf, settings.ownerGroups());
        if (owner || lastActiveOwner(account)) {
            if (!owner) {
                LOG.warning(() -> "Directory: " + account.getEmail() + " is the last owner and keeps the owner role");
            }
            roles.add(Role.OWNER);
        }
        return roles;
    }

    /** The entry is the account's own; an account with no entry recorded yet takes the one that vouches for its email. */
    private static boolean isEntryOf(UserAccount account, DirectoryPerson person) {
        return account.getDirectoryDn() == null || account.getDirectoryDn().equalsIgnoreCase(person.dn());
    }

    /** The only active owner: the directory never leaves the workspace without one (the console's rule too). */
    private boolean lastActiveOwner(UserAccount account) {
        return account.isEnabled() && account.getRoles().contains(Role.OWNER)
                && em.createQuery("SELECT COUNT(u) FROM UserAccount u JOIN u.roles r WHERE r = :role AND u.enabled = :yes",
                        Long.class).setHint("eclipselink.jdbc.bind-parameters", "true").setParameter("role", Role.OWNER)
                .setParameter("yes", Boolean.TRUE).getSingleResult() <= 1;
    }

    /** Names our groups cannot take (too long, control characters, ";") are left out, with a warning. */
    private static List<String> validGroupNames(Set<String> names) {
        return names.stream().filter(name -> {
            try {
                WorkspaceGroups.validName(name);
                return true;
            } catch (AdminActionRefusedException e) {
                LOG.warning(() -> "Directory: group name not usable here, left out: " + name.length() + " characters");
                return false;
            }
        }).toList();
    }

    private static String displayName(DirectoryPerson person, String email) {
        String name = person.displayName().isBlank() ? email : person.displayName();
        return name.length() > AccountService.MAX_DISPLAY_NAME_LENGTH ? name.substring(0, AccountService.MAX_DISPLAY_NAME_LENGTH) : name;
    }

    private static Set<String> keys(Set<WorkspaceGroup> groups) {
        return groups.stream().map(WorkspaceGroup::getNameKey).collect(Collectors.toSet());
    }

    private static String groupNames(UserAccount account) {
        return account.getGroups().isEmpty() ? "none"
                : account.getGroups().stream().map(WorkspaceGroup::getName).collect(Collectors.toCollection(TreeSet::new)).toString();
    }

    private static String roleNames(Set<Role> roles) {
        return roles.stream().map(Role::roleName).sorted().collect(Collectors.joining(", "));
    }
}
