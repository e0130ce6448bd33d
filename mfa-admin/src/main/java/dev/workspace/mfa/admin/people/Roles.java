package dev.workspace.mfa.admin.people;

import dev.workspace.mfa.core.account.AdminActionRefusedException;
import dev.workspace.mfa.persistence.account.Role;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Role names as admins and scripts write them ("owner", "admin", "user"), and back; every person is a user. */
public final class Roles {

    private Roles() {
    }

    public static Set<Role> parse(Collection<String> names) {
        Set<Role> roles = EnumSet.of(Role.USER);
        names.forEach(name -> roles.add(parseOne(name)));
        return roles;
    }

    public static Role parseOne(String name) {
        try {
            return Role.valueOf(name == null ? "" : name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new AdminActionRefusedException(AdminActionRefusedException.Reason.INVALID_ROLE);
        }
    }

    /** Highest first: owner, admin, user. */
    public static List<String> names(Set<Role> roles) {
        return roles.stream().sorted((a, b) -> b.compareTo(a)).map(Role::roleName).toList();
    }
}
