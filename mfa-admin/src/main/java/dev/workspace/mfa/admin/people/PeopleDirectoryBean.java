package dev.workspace.mfa.admin.people;

import dev.workspace.mfa.core.account.AdminActionRefusedException;
import dev.workspace.mfa.persistence.account.Role;
import dev.workspace.mfa.persistence.account.UserAccount;
import dev.workspace.mfa.persistence.people.WorkspaceGroup;
import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A page is one count and one page query (filters are indexed EXISTS sub-queries, never a load of all rows), then four
 * small queries over the page's ids for what the rows show: roles, groups, active method, recovery codes left and
 * running locks.
 */
@Stateless
@RolesAllowed({"admin", "owner"})
public class PeopleDirectoryBean implements PeopleDirectory {

    /**
     * "c.active = TRUE" inside these subqueries would reach the database as "ACTIVE = 1" (an EclipseLink 4.0 bug with
     * boolean constants in count queries), which H2 2 and PostgreSQL refuse; this form compares no boolean with a number.
     */
    private static final String CREDENTIAL_ACTIVE = "SQL('CASE WHEN ? THEN 1 ELSE 0 END', c.active) = 1";

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Override
    public PersonPage find(PeopleQuery query) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(query, parameters);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(u) FROM UserAccount u" + where, Long.class);
        TypedQuery<UserAccount> page = em.createQuery("SELECT u FROM UserAccount u" + where + orderBy(query), UserAccount.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            page.setParameter(name, value);
        });
        long total = count.getSingleResult();
        List<UserAccount> accounts = total == 0 ? List.of() : page.setFirstResult(query.page() * query.size())
                .setMaxResults(query.size()).getResultList();
        return new PersonPage(total, describe(accounts));
    }

    @Override
    public long count(PeopleQuery query) {
        Map<String, Object> parameters = new HashMap<>();
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(u) FROM UserAccount u" + where(query, parameters), Long.class);
        parameters.forEach(count::setParameter);
        return count.getSingleResult();
    }

    @Override
    public Optional<Person> person(long id) {
        return Optional.ofNullable(em.find(UserAccount.class, id)).map(account -> describe(List.of(account)).get(0));
    }

    private String where(PeopleQuery query, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (query.text() != null && !query.text().isBlank()) {
            conditions.add("(u.email LIKE :text ESCAPE '\\' OR LOWER(u.displayName) LIKE :text ESCAPE '\\')");
            parameters.put("text", "%" + likeEscaped(query.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.role() != null) {
            conditions.add("EXISTS (SELECT r FROM UserAccount x JOIN x.roles r WHERE x.id = u.id AND r = :role)");
            parameters.put("role", Roles.parseOne(query.role()));
        }
        if (query.group() != null && !query.group().isBlank()) {
            conditions.add("EXISTS (SELECT g FROM UserAccount x JOIN x.groups g WHERE x.id = u.id AND g.nameKey = :group)");
            parameters.put("group", WorkspaceGroup.keyOf(query.group()));
        }
        if (query.twoFactor() != null) {
            conditions.add((query.twoFactor() ? "" : "NOT ") + "EXISTS (SELECT c FROM SecondFactorCredential c "
                    + "WHERE c.userId = u.id AND " + CREDENTIAL_ACTIVE + ")");
        }
        if (query.method() != null) {
            conditions.add("EXISTS (SELECT c FROM SecondFactorCredential c WHERE c.userId = u.id AND " + CREDENTIAL_ACTIVE
                    + " AND c.method = :method)");
            parameters.put("method", method(query.method()));
        }
        if (query.locked() != null) {
            conditions.add((query.locked() ? "" : "NOT ") + "EXISTS (SELECT t FROM SignInThrottle t "
                    + "WHERE t.accountId = u.id AND t.lockedUntil > :now)");
            parameters.put("now", LocalDateTime.now(clock));
        }
        if (query.active() != null) {
            conditions.add("u.enabled = :active");
            parameters.put("active", query.active());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String orderBy(PeopleQuery query) {
        String field = switch (query.sort()) {
            case EMAIL -> "u.email";
            case NAME -> "u.displayName";
            case CREATED -> "u.createdAt";
            case LAST_SIGN_IN -> "u.lastSignInAt";
        };
        String direction = query.descending() ? " DESC" : " ASC";
        return " ORDER BY " + field + direction + ", u.id" + direction;
    }

    private List<Person> describe(List<UserAccount> accounts) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        List<Long> ids = accounts.stream().map(UserAccount::getId).toList();
        Map<Long, Set<Role>> roles = new HashMap<>();
        em.createQuery("SELECT u.id, r FROM UserAccount u JOIN u.roles r WHERE u.id IN :ids", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(row -> roles.computeIfAbsent((Long) row[0], id -> new TreeSet<>()).add((Role) row[1]));
        Map<Long, Set<String>> groups = new HashMap<>();
        em.createQuery("SELECT u.id, g.name FROM UserAccount u JOIN u.groups g WHERE u.id IN :ids", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(row -> groups.computeIfAbsent((Long) row[0], id -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER))
                        .add((String) row[1]));
        Map<Long, SecondFactorMethod> methods = new HashMap<>();
        em.createQuery("SELECT c.userId, c.method FROM SecondFactorCredential c WHERE c.active = TRUE AND c.userId IN :ids",
                Object[].class).setParameter("ids", ids).getResultList()
                .forEach(row -> methods.put((Long) row[0], (SecondFactorMethod) row[1]));
        Map<Long, Long> codesLeft = new TreeMap<>();
        em.createQuery("SELECT c.userId, COUNT(c) FROM RecoveryCode c WHERE c.usedAt IS NULL AND c.userId IN :ids "
                + "GROUP BY c.userId", Object[].class).setParameter("ids", ids).getResultList()
                .forEach(row -> codesLeft.put((Long) row[0], ((Number) row[1]).longValue()));
        Set<Long> locked = new HashSet<>(em.createQuery("SELECT DISTINCT t.accountId FROM SignInThrottle t "
                + "WHERE t.accountId IN :ids AND t.lockedUntil > :now", Long.class)
                .setParameter("ids", ids).setParameter("now", LocalDateTime.now(clock)).getResultList());
        return accounts.stream().map(account -> {
            long id = account.getId();
            SecondFactorMethod method = methods.get(id);
            return new Person(id, account.getEmail(), account.getDisplayName(),
                    Roles.names(roles.getOrDefault(id, Set.of(Role.USER))),
                    List.copyOf(groups.getOrDefault(id, Set.of())), account.isEnabled(), locked.contains(id),
                    method != null, method == null ? null : method.name(), codesLeft.getOrDefault(id, 0L).intValue(),
                    account.isPasswordChangeRequired(),
                    account.getLastSignInAt() == null ? null : account.getLastSignInAt().toInstant(ZoneOffset.UTC),
                    account.getCreatedAt().toInstant(ZoneOffset.UTC));
        }).toList();
    }

    private static SecondFactorMethod method(String name) {
        try {
            return SecondFactorMethod.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new AdminActionRefusedException(AdminActionRefusedException.Reason.INVALID_METHOD);
        }
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
