package dev.tensorloom.studio.cli;

import dev.tensorloom.model.UserError;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.validate.Problem;
import dev.tensorloom.model.validate.Validator;
import java.util.List;

/**
 * The checks {@code tensorloom validate} runs, in one place: {@code train}, {@code memory} and
 * {@code screenshot} run them too, before any work starts, and refuse a project with errors with exactly
 * the line {@code validate} prints.
 */
final class ProjectChecks {
    private ProjectChecks() {
    }

    /** Every problem of the project, errors first (what {@code validate} lists). */
    static List<Problem> problems(Project project) {
        return Validator.validate(project.document(), BlockCatalog.standard());
    }

    static List<Problem> errors(List<Problem> problems) {
        return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
    }

    /** {@code validate}'s report of the errors: one line per error, or the first with a count of the rest. */
    static List<String> errorLines(String name, List<Problem> errors, boolean all) {
        if (all) {
            return errors.stream().map(p -> name + ": " + p.message()).toList();
        }
        int more = errors.size() - 1;
        return List.of(name + ": " + errors.get(0).message()
                + (more == 0 ? "" : " (and " + more + " more error" + (more == 1 ? "" : "s") + "; --all lists them)"));
    }

    /** Refuses a project with errors, with {@code validate}'s one-line message (exit 2, no stack trace). */
    static void requireValid(Project project, String name) {
        List<Problem> errors = errors(problems(project));
        if (!errors.isEmpty()) {
            throw new InvalidProjectException(errorLines(name, errors, false).get(0));
        }
    }

    /** A project the validator refuses. */
    static final class InvalidProjectException extends IllegalArgumentException implements UserError {
        private static final long serialVersionUID = 1L;

        InvalidProjectException(String message) {
            super(message);
        }
    }
}
