package dev.workspace.mfa.core.policy;

import java.time.Instant;
import java.util.Set;

/**
 * What the policy looks at in a person: roles and group keys (lower case), when they joined the workspace, their
 * second factor's method name (null when none is set up), and whether they said "Don't ask again" to the suggestion.
 */
public record PersonFacts(Set<String> roles, Set<String> groups, Instant created, String activeMethod,
                          boolean suggestionDismissed) {

    public PersonFacts {
        roles = Set.copyOf(roles);
        groups = Set.copyOf(groups);
    }

    boolean hasTwoFactor() {
        return activeMethod != null;
    }

    boolean isAdministrator() {
        return roles.contains("admin") || roles.contains("owner");
    }
}
