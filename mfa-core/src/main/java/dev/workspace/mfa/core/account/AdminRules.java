package dev.workspace.mfa.core.account;

import dev.workspace.mfa.core.audit.Actor;
import dev.workspace.mfa.persistence.account.Role;
import dev.workspace.mfa.persistence.account.UserAccount;

import java.util.Set;

import static dev.workspace.mfa.core.account.AdminActionRefusedException.Reason;

/**
 * The rules every admin change to an account obeys, whichever door it came through: owners are changed only by
 * owners (an admin cannot take over or lock out the people above them), and the workspace always keeps an active owner.
 */
public final class AdminRules {

    private AdminRules() {
    }

    /**
     * @throws AdminActionRefusedException {@code NOT_FOUND} for no account, {@code OWNER_ONLY} when a non-owner
     *                                     changes an owner
     */
    public static void checkMayChange(Actor actor, UserAccount target) {
        if (target == null) {
            throw new AdminActionRefusedException(Reason.NOT_FOUND);
        }
        if (target.getRoles().contains(Role.OWNER) && !actor.owner()) {
            throw new AdminActionRefusedException(Reason.OWNER_ONLY);
        }
    }

    /** Granting or taking the owner role is for owners. */
    public static void checkRoleChange(Actor actor, Set<Role> before, Set<Role> after) {
        if (before.contains(Role.OWNER) != after.contains(Role.OWNER) && !actor.owner()) {
            throw new AdminActionRefusedException(Reason.OWNER_ONLY);
        }
    }

    /**
     * @param activeOwners       active owners before the change, the target included
     * @param activeOwnerBefore  whether the target is an active owner now
     * @param activeOwnerAfter   whether the target is one after the change
     * @throws AdminActionRefusedException {@code LAST_OWNER} when the change would leave no active owner
     */
    public static void checkOwnerRemains(long activeOwners, boolean activeOwnerBefore, boolean activeOwnerAfter) {
        if (activeOwnerBefore && !activeOwnerAfter && activeOwners <= 1) {
            throw new AdminActionRefusedException(Reason.LAST_OWNER);
        }
    }
}
