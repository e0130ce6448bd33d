package dev.workspace.mfa.core.policy;

import dev.workspace.mfa.core.account.AccountSummary;

import java.io.Serializable;

/**
 * An account and what the workspace policy asks of its person now, read together: what a session starts (or renews)
 * with.
 */
public record AccountStanding(AccountSummary account, TwoFactorRequirement requirement) implements Serializable {
}
