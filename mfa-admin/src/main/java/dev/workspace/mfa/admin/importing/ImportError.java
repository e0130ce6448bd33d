package dev.workspace.mfa.admin.importing;

import java.io.Serializable;

/**
 * Why one line was not imported: a {@code code} the pages and the API turn into words (the names of
 * {@link ImportProblem}, or of the account rules' reasons), and a {@code detail} such as a column name, or null.
 */
public record ImportError(int line, String code, String detail) implements Serializable {
}
