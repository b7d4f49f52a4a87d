package dev.tensorloom.studio.cli;

import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.validate.Problem;
import dev.tensorloom.model.validate.ValidationSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tensorloom validate FILE}: checks the format, the graph and the shapes of a project file. Fields it
 * does not know are warnings (a save would drop them); {@code --strict} makes them errors.
 */
@Command(name = "validate", description = "Check a project file: format, graph and shapes.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ProjectSource source;

    @Option(names = "--all", description = "List every error, one per line (by default the first, with a count).")
    boolean all;

    @Option(names = "--strict", description = "Fail (exit 2) on fields Tensorloom does not know; "
            + "without it they are warnings.")
    boolean strict;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Project project = source.load();
        List<Problem> problems = ProjectChecks.problems(project);
        ValidationSummary summary = ValidationSummary.of(problems);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = source.displayName();
        if (strict && !project.warnings().isEmpty()) {
            project.warnings().forEach(w -> err.println(w.replace("unknown field", "error: unknown field")));
            err.println(name + ": " + project.warnings().size() + " unknown field"
                    + (project.warnings().size() == 1 ? "" : "s") + " (--strict)");
            return TensorloomCli.BAD_INPUT;
        }
        project.warnings().forEach(w -> out.println(w.replace("unknown field", "warning: unknown field")));
        if (summary.hasErrors()) {
            ProjectChecks.errorLines(name, ProjectChecks.errors(problems), all).forEach(err::println);
            return TensorloomCli.BAD_INPUT;
        }
        for (Problem p : problems) {
            out.println(name + ": warning: " + p.message());
        }
        String unknown = project.warnings().isEmpty() ? "" : "; " + project.warnings().size() + " unknown field"
                + (project.warnings().size() == 1 ? "" : "s") + " ignored";
        out.println(name + ": OK (" + project.document().nodeCount() + " nodes; " + summary.text() + unknown + ")");
        return TensorloomCli.OK;
    }
}
