package dev.workspace.mfa.admin.importing;

import jakarta.ejb.ApplicationException;

/** A line broke an import rule ({@link ImportProblem}); its transaction is rolled back. */
@ApplicationException(rollback = true)
public class ImportLineRefusedException extends RuntimeException {

    private final ImportProblem problem;

    public ImportLineRefusedException(ImportProblem problem) {
        super(problem.name(), null, false, false);
        this.problem = problem;
    }

    public ImportProblem problem() {
        return problem;
    }
}
