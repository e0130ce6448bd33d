package dev.workspace.mfa.core.policy;

import java.time.Instant;
import java.util.Set;

/**
 * What the policy looks at in a person: roles and group keys (lower case), when they joined the workspace, whether a
 * second factor is set up, and whether they said "Don't ask again" to the suggestion.
 */
public record PersonFacts(Set<String> roles, Set<String> groups, Instant created, boolean hasTwoFactor,
                          boolean suggestionDismissed) {

    public PersonFacts {
        roles = Set.copyOf(roles);
        groups = Set.copyOf(groups);
    }

    boolean isAdministrator() {
        return roles.contains("admin") || roles.contains("owner");
    }
}
