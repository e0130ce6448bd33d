package dev.workspace.mfa.admin.people;

import java.util.List;

/** What an admin changes on a person; a null field stays as it is. */
public record PersonChanges(String name, List<String> roles, List<String> groups, Boolean active) {
}
