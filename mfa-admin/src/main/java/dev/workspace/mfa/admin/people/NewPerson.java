package dev.workspace.mfa.admin.people;

import java.util.List;

/**
 * Someone an admin adds. How they get in: with {@code invite} an emailed set-password link; with a {@code password}
 * that one; with neither a temporary password, shown once to the admin and replaced at the first sign-in.
 */
public record NewPerson(String email, String name, List<String> roles, List<String> groups, String password,
                        boolean invite) {

    public NewPerson {
        roles = roles == null ? List.of() : List.copyOf(roles);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
