package dev.workspace.mfa.core.account;

import dev.workspace.mfa.persistence.account.Role;
import dev.workspace.mfa.persistence.account.UserAccount;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the layers above may know of an account: never its password hash or counters. A session signed in under an
 * older {@code sessionGeneration} than the account's is over; {@code fromDirectory}: the password is the company
 * directory's.
 */
public record AccountSummary(long id, String email, String displayName, Set<Role> roles, boolean enabled,
                             LocalDateTime createdAt, LocalDateTime lastSignInAt, int sessionGeneration,
                             boolean passwordChangeRequired, boolean fromDirectory) implements Serializable {

    public static AccountSummary of(UserAccount account) {
        return new AccountSummary(account.getId(), account.getEmail(), account.getDisplayName(), account.getRoles(),
                account.isEnabled(), account.getCreatedAt(), account.getLastSignInAt(), account.getSessionGeneration(),
                account.isPasswordChangeRequired(), account.isFromDirectory());
    }

    /** The roles as people read them, e.g. "user, admin". */
    public String roleNames() {
        return roles.stream().sorted().map(Role::roleName).collect(Collectors.joining(", "));
    }
}
