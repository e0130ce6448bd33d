package dev.workspace.mfa.admin.people;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A person as the admin console and the admin API show them: never a secret, a code or a hash. Roles are the lower-case
 * role names; {@code method} is TOTP, EMAIL or SMS, or null without two-factor authentication. A directory person's
 * password is the company directory's; {@code directorySynced} is when the directory last described them.
 */
public record Person(long id, String email, String name, List<String> roles, List<String> groups, boolean active,
                     boolean locked, boolean twoFactorEnabled, String method, int recoveryCodesLeft,
                     boolean passwordChangeRequired, Instant lastSignIn, Instant created, boolean fromDirectory,
                     Instant directorySynced) implements Serializable {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The roles as people read them, e.g. "admin, user". */
    public String roleList() {
        return String.join(", ", roles);
    }

    public String groupList() {
        return String.join(", ", groups);
    }
}
