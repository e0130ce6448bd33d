package dev.workspace.mfa.core.account;

import dev.workspace.mfa.core.audit.Actor;
import dev.workspace.mfa.persistence.account.Role;
import dev.workspace.mfa.persistence.account.UserAccount;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AdminRulesTest {

    private static final Actor ADMIN = new Actor(1L, "admin@example.com", false);
    private static final Actor OWNER = new Actor(2L, "owner@example.com", true);

    private static UserAccount account(Role... roles) {
        return new UserAccount("p@example.com", "P", "!none", Set.of(roles), LocalDateTime.of(2026, 12, 1, 9, 0));
    }

    private static AdminActionRefusedException.Reason refusal(Runnable change) {
        return assertThrows(AdminActionRefusedException.class, change::run).reason();
    }

    @Test
    void adminsChangePeopleAndAdminsButNotOwners() {
        assertDoesNotThrow(() -> AdminRules.checkMayChange(ADMIN, account(Role.USER)));
        assertDoesNotThrow(() -> AdminRules.checkMayChange(ADMIN, account(Role.USER, Role.ADMIN)));
        assertEquals(AdminActionRefusedException.Reason.OWNER_ONLY,
                refusal(() -> AdminRules.checkMayChange(ADMIN, account(Role.USER, Role.OWNER))));
        assertDoesNotThrow(() -> AdminRules.checkMayChange(OWNER, account(Role.USER, Role.OWNER)));
        assertEquals(AdminActionRefusedException.Reason.NOT_FOUND, refusal(() -> AdminRules.checkMayChange(OWNER, null)));
    }

    @Test
    void onlyOwnersGrantOrTakeTheOwnerRole() {
        Set<Role> user = Set.of(Role.USER);
        Set<Role> admin = Set.of(Role.USER, Role.ADMIN);
        Set<Role> owner = Set.of(Role.USER, Role.OWNER);
        assertDoesNotThrow(() -> AdminRules.checkRoleChange(ADMIN, user, admin));
        assertDoesNotThrow(() -> AdminRules.checkRoleChange(ADMIN, admin, user));
        assertEquals(AdminActionRefusedException.Reason.OWNER_ONLY, refusal(() -> AdminRules.checkRoleChange(ADMIN, admin, owner)));
        assertEquals(AdminActionRefusedException.Reason.OWNER_ONLY, refusal(() -> AdminRules.checkRoleChange(ADMIN, owner, admin)));
        assertDoesNotThrow(() -> AdminRules.checkRoleChange(OWNER, user, owner));
        assertDoesNotThrow(() -> AdminRules.checkRoleChange(OWNER, owner, user));
    }

    @Test
    void theLastActiveOwnerStays() {
        assertEquals(AdminActionRefusedException.Reason.LAST_OWNER, refusal(() -> AdminRules.checkOwnerRemains(1, true, false)));
        assertEquals(AdminActionRefusedException.Reason.LAST_OWNER, refusal(() -> AdminRules.checkOwnerRemains(0, true, false)));
        assertDoesNotThrow(() -> AdminRules.checkOwnerRemains(2, true, false));
        assertDoesNotThrow(() -> AdminRules.checkOwnerRemains(1, true, true), "an owner renamed stays an owner");
        assertDoesNotThrow(() -> AdminRules.checkOwnerRemains(1, false, false), "changes to non-owners never count");
    }
}
