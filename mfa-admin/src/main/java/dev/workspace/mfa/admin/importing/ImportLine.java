package dev.workspace.mfa.admin.importing;

import java.util.List;

/**
 * One person as an import file gives them; an absent or empty value is null (lists: empty). {@code line} is where the
 * person starts, as an editor shows it (the CSV header is line 1; in JSON, the 1-based index in the array).
 */
public record ImportLine(int line, String email, String name, List<String> roles, List<String> groups, String password,
                         String passwordHash, String totpSecret) {

    public ImportLine {
        roles = roles == null ? List.of() : List.copyOf(roles);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
