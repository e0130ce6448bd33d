package dev.workspace.mfa.web.security;

import dev.workspace.mfa.core.account.AccountSummary;
import dev.workspace.mfa.persistence.account.Role;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/** Who is signed in on this session, and since when; a plain serializable value so sessions replicate. */
public record SignedInUser(long accountId, String email, String displayName, Set<String> groups, Instant signedInAt)
        implements Serializable {

    /** A session lives at most 12 hours, however active (docs/security.md#sessions). */
    public static final Duration MAX_SESSION_AGE = Duration.ofHours(12);

    public static SignedInUser of(AccountSummary account, Instant now) {
        return new SignedInUser(account.id(), account.email(), account.displayName(),
                account.roles().stream().map(Role::roleName).collect(Collectors.toUnmodifiableSet()), now);
    }

    public boolean expiredAt(Instant now) {
        return now.isAfter(signedInAt.plus(MAX_SESSION_AGE));
    }

    public boolean hasRole(Role role) {
        return groups.contains(role.roleName());
    }
}
