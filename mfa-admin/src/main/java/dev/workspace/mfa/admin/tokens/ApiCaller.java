package dev.workspace.mfa.admin.tokens;

import java.util.Set;

/** Who an API request acts as: the token owner's email (or {@code bootstrap-token}) and their current roles. */
public record ApiCaller(String name, Set<String> roles) {
}
