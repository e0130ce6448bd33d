package dev.workspace.mfa.core.policy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Optional;
import java.util.stream.Stream;

/** The policy's rules as plain functions of the policy, the person and the time, so that they can be checked alone. */
public final class PolicyRules {

    private PolicyRules() {
    }

    /**
     * What the policy asks of a person now. Every rule that covers them gives a deadline; the earliest wins. A person
     * with 2FA is still covered (they may not turn it off), though nothing is asked of them at sign-in.
     */
    public static TwoFactorRequirement requirementFor(WorkspacePolicy policy, PersonFacts person, Instant now, ZoneId zone) {
        Optional<Instant> deadline = Stream.of(administratorDeadline(policy, person), workspaceDeadline(policy, person, zone))
                .flatMap(Optional::stream).min(Instant::compareTo);
        boolean disallowed = person.hasTwoFactor() && !policy.allowedMethods().contains(person.activeMethod());
        TwoFactorRequirement.Level level;
        if (deadline.isPresent()) {
            level = person.hasTwoFactor() ? TwoFactorRequirement.Level.KEPT_BY_RULE
                    : deadline.get().isAfter(now) ? TwoFactorRequirement.Level.REQUIRED_BY_DEADLINE
                    : TwoFactorRequirement.Level.REQUIRED_NOW;
        } else {
            level = person.hasTwoFactor() || person.suggestionDismissed()
                    ? TwoFactorRequirement.Level.NOT_REQUIRED : TwoFactorRequirement.Level.SUGGESTED;
        }
        return new TwoFactorRequirement(level, deadline.orElse(null), disallowed);
    }

    /**
     * The deadline for a person the workspace rule covers: the rule starts applying when it was switched on, or when
     * the person joined, whichever is later, and the grace period counts calendar days in the workspace's time zone (a
     * day across a change to summer time is 23 hours long, and the deadline keeps its time of day).
     */
    static Optional<Instant> workspaceDeadline(WorkspacePolicy policy, PersonFacts person, ZoneId zone) {
        if (!policy.requireTwoFactor() || !covers(policy, person)) {
            return Optional.empty();
        }
        Instant since = policy.requiredSince() == null ? Instant.EPOCH : policy.requiredSince();
        Instant start = person.created().isAfter(since) ? person.created() : since;
        return Optional.of(start.atZone(zone).plusDays(policy.graceDays()).toInstant());
    }

    /** Admins and owners: at once, from the moment they became one (their account's creation stands in for it). */
    static Optional<Instant> administratorDeadline(WorkspacePolicy policy, PersonFacts person) {
        return policy.adminsRequireTwoFactor() && person.isAdministrator() ? Optional.of(person.created()) : Optional.empty();
    }

    /** An enforced group covers its members even when they are also in an excluded group: the stricter rule wins. */
    static boolean covers(WorkspacePolicy policy, PersonFacts person) {
        if (!policy.enforceGroups().isEmpty()) {
            return !Collections.disjoint(policy.enforceGroups(), person.groups());
        }
        return Collections.disjoint(policy.excludeGroups(), person.groups());
    }

    /**
     * An owner may not require two-factor authentication (for everyone, or for admins) while having none: they would
     * lock themselves out of the console the rule is set in.
     *
     * @return true when the change is allowed
     */
    public static boolean ownerMayChange(WorkspacePolicy before, WorkspacePolicy after, boolean ownerHasTwoFactor) {
        boolean newlyRequired = (after.requireTwoFactor() && !before.requireTwoFactor())
                || (after.adminsRequireTwoFactor() && !before.adminsRequireTwoFactor());
        return ownerHasTwoFactor || !newlyRequired;
    }
}
