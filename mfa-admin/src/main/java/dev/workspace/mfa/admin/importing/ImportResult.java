package dev.workspace.mfa.admin.importing;

import java.io.Serializable;
import java.util.List;

/** What an import did: people created and updated, and the lines left out with the reason (at most {@code MAX_ERRORS}). */
public record ImportResult(int created, int updated, List<ImportError> errors, int moreErrors) implements Serializable {

    public static final int MAX_ERRORS = 1000;
}
