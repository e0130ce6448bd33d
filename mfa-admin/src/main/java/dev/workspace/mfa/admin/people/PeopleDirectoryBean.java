package dev.workspace.mfa.admin.people;

import dev.workspace.mfa.core.account.AdminActionRefusedException;
import dev.workspace.mfa.core.policy.PolicyService;
import dev.workspace.mfa.core.policy.TwoFactorRequirement;
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
 * A page is one count and one page query of plain columns (never a load of all rows, nor of whole entities with their
 * collections), then small queries over the page's ids for what the rows show: roles, groups, active method, recovery
 * codes left and running locks. Filters are uncorrelated {@code IN} sub-queries over indexed columns, which H2 runs
 * once per query rather than once per person.
 */
@Stateless
@RolesAllowed({"admin", "owner"})
public class PeopleDirectoryBean implements PeopleDirectory {

    private static final String WITH_ACTIVE_CREDENTIAL = "u.id IN (SELECT c.userId FROM SecondFactorCredential c "
            + "WHERE c.active = :yes";

    /**
     * EclipseLink 4.0 stops binding parameters on H2 when a query has LIKE ... ESCAPE, and then writes booleans as 1 and
     * 0, which H2 2 refuses to compare with a BOOLEAN column; binding stays on with this hint.
     */
    private static final String BIND_PARAMETERS = "eclipselink.jdbc.bind-parameters";

    private static final String COLUMNS = "SELECT u.id, u.email, u.displayName, u.enabled, u.passwordChangeRequired, "
            + "u.lastSignInAt, u.createdAt, u.source, u.directorySyncedAt FROM UserAccount u";

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private PolicyService policies;

    @Override
    public PersonPage find(PeopleQuery query) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(query, parameters);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(u) FROM UserAccount u" + where, Long.class)
                .setHint(BIND_PARAMETERS, "true");
        TypedQuery<Object[]> page = em.createQuery(COLUMNS + where + orderBy(query), Object[].class)
                .setHint(BIND_PARAMETERS, "true");
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            page.setParameter(name, value);
        });
        long total = count.getSingleResult();
        List<Object[]> rows = total == 0 ? List.of() : page.setFirstResult(query.page() * query.size())
                .setMaxResults(query.size()).getResultList();
        return new PersonPage(total, describe(rows));
    }

    @Override
    public long count(PeopleQuery query) {
        Map<String, Object> parameters = new HashMap<>();
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(u) FROM UserAccount u" + where(query, parameters), Long.class)
                .setHint(BIND_PARAMETERS, "true");
        parameters.forEach(count::setParameter);
        return count.getSingleResult();
    }

    @Override
    public Optional<Person> person(long id) {
        return em.createQuery(COLUMNS + " WHERE u.id = :id", Object[].class).setParameter("id", id).getResultStream()
                .findFirst().map(row -> describe(List.<Object[]>of(row)).get(0));
    }

    private String where(PeopleQuery query, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (query.text() != null && !query.text().isBlank()) {
            conditions.add("(u.email LIKE :text ESCAPE '\\' OR LOWER(u.displayName) LIKE :text ESCAPE '\\')");
            parameters.put("text", "%" + likeEscaped(query.text().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (query.role() != null) {
            conditions.add("u.id IN (SELECT x.id FROM UserAccount x JOIN x.roles r WHERE r = :role)");
            parameters.put("role", Roles.parseOne(query.role()));
        }
        if (query.group() != null && !query.group().isBlank()) {
            conditions.add("u.id IN (SELECT x.id FROM UserAccount x JOIN x.groups g WHERE g.nameKey = :group)");
            parameters.put("group", WorkspaceGroup.keyOf(query.group()));
        }
        if (query.twoFactor() != null) {
            conditions.add((query.twoFactor() ? "" : "NOT ") + WITH_ACTIVE_CREDENTIAL + ")");
            parameters.put("yes", Boolean.TRUE);
        }
        if (query.method() != null) {
            conditions.add(WITH_ACTIVE_CREDENTIAL + " AND c.method = :method)");
            parameters.put("yes", Boolean.TRUE);
            parameters.put("method", method(query.method()));
        }
        if (query.locked() != null) {
            conditions.add("u.id " + (query.locked() ? "" : "NOT ") + "IN (SELECT t.accountId FROM SignInThrottle t "
                    + "WHERE t.accountId IS NOT NULL AND t.lockedUntil > :now)");
            parameters.put("now", LocalDateTime.now(clock));
        }
        if (query.policyState() != null) {
            Set<Long> ids = policies.peopleWithoutTwoFactor().getOrDefault(
                    query.policyState() == PeopleQuery.PolicyState.IN_GRACE_PERIOD
                            ? TwoFactorRequirement.Level.REQUIRED_BY_DEADLINE : TwoFactorRequirement.Level.REQUIRED_NOW,
                    Set.of());
            // An empty IN list is not valid SQL everywhere; no id is null.
            conditions.add(ids.isEmpty() ? "u.id IS NULL" : "u.id IN :policyIds");
            if (!ids.isEmpty()) {
                parameters.put("policyIds", List.copyOf(ids));
            }
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
        // Emails are unique, so they need no tie-breaker, and a lone column lets H2 read the page off its index.
        return " ORDER BY " + field + direction + (query.sort() == PeopleQuery.Sort.EMAIL ? "" : ", u.id" + direction);
    }

    /** @param accounts rows of {@link #COLUMNS} */
    private List<Person> describe(List<Object[]> accounts) {
        if (accounts.isEmpty()) {
            return List.of();
        }
        List<Long> ids = accounts.stream().map(row -> (Long) row[0]).toList();
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
        return accounts.stream().map(row -> {
            long id = (Long) row[0];
            SecondFactorMethod method = methods.get(id);
            LocalDateTime lastSignIn = (LocalDateTime) row[5];
            return new Person(id, (String) row[1], (String) row[2], Roles.names(roles.getOrDefault(id, Set.of(Role.USER))),
                    List.copyOf(groups.getOrDefault(id, Set.of())), (Boolean) row[3], locked.contains(id),
                    method != null, method == null ? null : method.name(), codesLeft.getOrDefault(id, 0L).intValue(),
                    (Boolean) row[4], lastSignIn == null ? null : lastSignIn.toInstant(ZoneOffset.UTC),
                    ((LocalDateTime) row[6]).toInstant(ZoneOffset.UTC), UserAccount.DIRECTORY.equals(row[7]),
                    row[8] == null ? null : ((LocalDateTime) row[8]).toInstant(ZoneOffset.UTC));
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
