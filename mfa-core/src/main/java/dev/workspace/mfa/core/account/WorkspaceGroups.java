package dev.workspace.mfa.core.account;

import dev.workspace.mfa.core.audit.Actor;
import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.people.WorkspaceGroup;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Group names turned into groups, for the people use cases and the company directory: a name not yet known becomes a
 * new group (audited with who brought it). Callers check roles; the directory's sync has none.
 */
@Stateless
public class WorkspaceGroups {

    public static final int MAX_NAME_LENGTH = WorkspaceGroup.MAX_NAME_LENGTH;

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    public Set<WorkspaceGroup> resolve(Collection<String> names, Actor actor, String clientAddress) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String name : names) {
            String valid = validName(name);
            byKey.putIfAbsent(WorkspaceGroup.keyOf(valid), valid);
        }
        Set<WorkspaceGroup> groups = new LinkedHashSet<>();
        if (byKey.isEmpty()) {
            return groups;
        }
        groups.addAll(em.createNamedQuery(WorkspaceGroup.BY_KEYS, WorkspaceGroup.class)
                .setParameter("keys", byKey.keySet()).getResultList());
        groups.stream().map(WorkspaceGroup::getNameKey).forEach(byKey::remove);
        for (String name : byKey.values()) {
            groups.add(create(name, actor, clientAddress));
        }
        return groups;
    }

    public WorkspaceGroup create(String name, Actor actor, String clientAddress) {
        String valid = validName(name);
        if (find(valid).isPresent()) {
            throw new AdminActionRefusedException(AdminActionRefusedException.Reason.NAME_TAKEN);
        }
        WorkspaceGroup group = new WorkspaceGroup(valid, LocalDateTime.now(clock));
        em.persist(group);
        audit.recordBy(actor, AuditEventType.GROUP_CREATED, null, null, clientAddress, "group " + valid);
        return group;
    }

    public Optional<WorkspaceGroup> find(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return em.createNamedQuery(WorkspaceGroup.BY_KEY, WorkspaceGroup.class)
                .setParameter("key", WorkspaceGroup.keyOf(name)).getResultStream().findFirst();
    }

    public static String validName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH || stripped.chars().anyMatch(Character::isISOControl)
                || stripped.contains(";")) {
            throw new AdminActionRefusedException(AdminActionRefusedException.Reason.INVALID_NAME);
        }
        return stripped;
    }
}
