package dev.workspace.mfa.web.security;

import dev.workspace.mfa.core.account.AccountSummary;
import dev.workspace.mfa.persistence.account.Role;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is signed in on this session, since when, and under which session generation of the account (a session of an
 * older generation was ended elsewhere); a plain serializable value so sessions replicate.
 */
public record SignedInUser(long accountId, String email, String displayName, Set<String> groups, Instant signedInAt,
                           int sessionGeneration) implements Serializable {

    /** A session lives at most 12 hours, however active. */
    public static final Duration MAX_SESSION_AGE = Duration.ofHours(12);

    public static SignedInUser of(AccountSummary account, Instant now) {
        return new SignedInUser(account.id(), account.email(), account.displayName(),
                account.roles().stream().map(Role::roleName).collect(Collectors.toUnmodifiableSet()), now,
                account.sessionGeneration());
    }

    public boolean expiredAt(Instant now) {
        return now.isAfter(signedInAt.plus(MAX_SESSION_AGE));
    }

    /** False once the account was disabled or its sessions were ended after this one began. */
    public boolean stillValidFor(AccountSummary account) {
        return account.enabled() && account.sessionGeneration() == sessionGeneration;
    }

    /** The same sign-in, carried over the account's new session generation (the session that asked for it). */
    SignedInUser renewedFor(AccountSummary account) {
        return new SignedInUser(accountId, email, displayName, groups, signedInAt, account.sessionGeneration());
    }

    public boolean hasRole(Role role) {
        return groups.contains(role.roleName());
    }
}
