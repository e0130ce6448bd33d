package dev.workspace.mfa.web.security;

import dev.workspace.mfa.core.account.AccountSummary;
import dev.workspace.mfa.core.policy.TwoFactorRequirement;
import dev.workspace.mfa.persistence.account.Role;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is signed in on this session, since when, and under which session generation of the account (a session of an
 * older generation was ended elsewhere); what the workspace policy asked of them when they signed in: to set up
 * two-factor authentication by {@code setUpBy} (null: nothing), or to replace a method it no longer allows. A plain
 * serializable value, so sessions replicate and any node enforces the same.
 */
public record SignedInUser(long accountId, String email, String displayName, Set<String> groups, Instant signedInAt,
                           int sessionGeneration, Instant setUpBy, boolean replaceMethod) implements Serializable {

    /** A session lives at most 12 hours, however active. */
    public static final Duration MAX_SESSION_AGE = Duration.ofHours(12);

    public static SignedInUser of(AccountSummary account, Instant now, TwoFactorRequirement requirement) {
        return new SignedInUser(account.id(), account.email(), account.displayName(),
                account.roles().stream().map(Role::roleName).collect(Collectors.toUnmodifiableSet()), now,
                account.sessionGeneration(), setUpBy(requirement), requirement.methodDisallowed());
    }

    private static Instant setUpBy(TwoFactorRequirement requirement) {
        return requirement.setUpRequired() ? requirement.deadline() : null;
    }

    /** The policy's deadline has passed without 2FA: nothing but the enrollment pages opens. */
    public boolean setUpDue(Instant now) {
        return setUpBy != null && !now.isBefore(setUpBy);
    }

    /** Within a grace period: the person is reminded and may go on without 2FA until {@code setUpBy}. */
    public boolean inGracePeriod(Instant now) {
        return setUpBy != null && now.isBefore(setUpBy);
    }

    public boolean expiredAt(Instant now) {
        return now.isAfter(signedInAt.plus(MAX_SESSION_AGE));
    }

    /**
     * False once the account was disabled or its sessions were ended after this one began.
     *
     * @param liveGeneration the account's session generation, empty when it is disabled or deleted
     */
    public boolean stillValidFor(OptionalInt liveGeneration) {
        return liveGeneration.isPresent() && liveGeneration.getAsInt() == sessionGeneration;
    }

    /**
     * The same sign-in, carried over the account's new session generation (the session that asked for it), with what
     * the policy asks now (after a method was set up, nothing).
     */
    SignedInUser renewedFor(AccountSummary account, TwoFactorRequirement requirement) {
        return new SignedInUser(accountId, email, displayName, groups, signedInAt, account.sessionGeneration(),
                setUpBy(requirement), requirement.methodDisallowed());
    }

    public boolean hasRole(Role role) {
        return groups.contains(role.roleName());
    }
}
