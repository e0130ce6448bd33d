package dev.workspace.mfa.admin.groups;

import dev.workspace.mfa.core.account.AdminActionRefusedException;
import dev.workspace.mfa.core.account.WorkspaceGroups;
import dev.workspace.mfa.core.audit.Actor;
import dev.workspace.mfa.core.audit.Actors;
import dev.workspace.mfa.core.audit.AuditLog;
import dev.workspace.mfa.core.audit.Client;
import dev.workspace.mfa.persistence.audit.AuditEventType;
import dev.workspace.mfa.persistence.people.WorkspaceGroup;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

@Stateless
@RolesAllowed({"admin", "owner"})
public class GroupAdministrationBean implements GroupAdministration {

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Inject
    private WorkspaceGroups groups;

    @Inject
    private Actors actors;

    @Inject
    private AuditLog audit;

    @Override
    public List<Group> list() {
        return em.createNamedQuery(WorkspaceGroup.ALL_WITH_SIZE, Object[].class).getResultList().stream()
                .map(row -> new Group(((WorkspaceGroup) row[0]).getName(), ((Number) row[1]).longValue())).toList();
    }

    @Override
    public Group create(String name, Client client) {
        return new Group(groups.create(name, actors.current(), client.address()).getName(), 0);
    }

    @Override
    public Group rename(String name, String newName, Client client) {
        WorkspaceGroup group = existing(name);
        String valid = WorkspaceGroups.validName(newName);
        groups.find(valid).filter(other -> !other.getId().equals(group.getId())).ifPresent(other -> {
            throw new AdminActionRefusedException(AdminActionRefusedException.Reason.NAME_TAKEN);
        });
        String before = group.getName();
        group.rename(valid);
        audit.recordBy(actors.current(), AuditEventType.GROUP_RENAMED, null, null, client.address(),
                "group " + before + " renamed " + valid);
        return new Group(group.getName(), memberCount(group));
    }

    @Override
    public void delete(String name, Client client) {
        WorkspaceGroup group = existing(name);
        Actor actor = actors.current();
        em.remove(group);
        audit.recordBy(actor, AuditEventType.GROUP_DELETED, null, null, client.address(), "group " + group.getName());
    }

    private WorkspaceGroup existing(String name) {
        return groups.find(name).orElseThrow(() -> new AdminActionRefusedException(AdminActionRefusedException.Reason.NOT_FOUND));
    }

    private long memberCount(WorkspaceGroup group) {
        return em.createQuery("SELECT COUNT(u) FROM UserAccount u JOIN u.groups g WHERE g = :group", Long.class)
                .setParameter("group", group).getSingleResult();
    }
}
