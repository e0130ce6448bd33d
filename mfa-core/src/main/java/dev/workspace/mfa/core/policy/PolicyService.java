package dev.workspace.mfa.core.policy;

import dev.workspace.mfa.core.audit.Client;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The workspace policy: the one place that says what it is and what it asks of a person. */
public interface PolicyService {

    /**
     * The policy in force. Until an owner first changes it, the one that {@code MFA_REQUIRE_TWO_FACTOR},
     * {@code MFA_ALLOWED_METHODS}, {@code MFA_RECOVERY_CODES_REVIEWABLE} and {@code MFA_ADMINS_REQUIRE_TWO_FACTOR}
     * describe.
     */
    WorkspacePolicy current();

    /** What the policy asks of this person now. */
    TwoFactorRequirement requirementFor(long userId);

    /** The account with what the policy asks of it now, in one read; empty when there is no such account. */
    Optional<AccountStanding> standingOf(long userId);

    /**
     * The active people without 2FA, by what the policy asks of them now (suggested, declined, within a grace period,
     * past their deadline): the adoption figures and the people table's filter. For admins and owners.
     */
    Map<TwoFactorRequirement.Level, Set<Long>> peopleWithoutTwoFactor();

    /**
     * An owner's change, kept as a new version with the owner and the time, and audited with what changed. When the
     * requirement is switched on, its grace period starts now; while it stays on, its start is kept.
     *
     * @throws dev.workspace.mfa.core.account.AdminActionRefusedException {@code INVALID_POLICY} for values out of
     *         bounds, {@code OWNER_NEEDS_TWO_FACTOR} for an owner without 2FA switching a requirement on (the
     *         bootstrap token, which no person signs in with, may)
     */
    WorkspacePolicy change(WorkspacePolicy requested, Client client);
}
