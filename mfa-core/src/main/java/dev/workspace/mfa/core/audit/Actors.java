package dev.workspace.mfa.core.audit;

import dev.workspace.mfa.persistence.account.UserAccount;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The {@link Actor} behind the current call, from the container's caller principal and roles: services find out who
 * acts themselves, so that no caller can claim to be someone else.
 */
@Stateless
@DeclareRoles({"user", "admin", "owner"})
public class Actors {

    @PersistenceContext(unitName = "mfa")
    private EntityManager em;

    @Resource
    private SessionContext context;

    public Actor current() {
        String name = context.getCallerPrincipal() == null ? "" : context.getCallerPrincipal().getName();
        boolean owner = context.isCallerInRole("owner");
        return em.createNamedQuery(UserAccount.BY_EMAIL, UserAccount.class).setParameter("email", name)
                .getResultStream().findFirst()
                .map(account -> new Actor(account.getId(), account.getEmail(), owner))
                .orElseGet(() -> new Actor(null, name, owner));
    }
}
