package dev.workspace.mfa.core.directory;

import java.util.Set;

/** A person as the directory describes them: entry, email (lower case), display name and every group, nested included. */
public record DirectoryPerson(String dn, String email, String displayName, Set<String> groups) {

    public DirectoryPerson {
        groups = Set.copyOf(groups);
    }
}
