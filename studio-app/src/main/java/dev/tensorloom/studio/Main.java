package dev.tensorloom.studio;

import dev.tensorloom.model.io.ProjectFormat;
import dev.tensorloom.studio.cli.TensorloomCli;
import dev.tensorloom.studio.shell.StudioLauncher;

/**
 * Entry point: no arguments opens the studio, one project file ({@code tensorloom model.tlm}) opens the
 * studio on it, anything else is the command line.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || opensProject(args)) {
            StudioLauncher.launch(args);
            return;
        }
        System.exit(TensorloomCli.run(args));
    }

    /** True for a single argument naming a project file: the studio opens it (the launcher checks the same). */
    static boolean opensProject(String[] args) {
        return args.length == 1 && args[0].endsWith(ProjectFormat.EXTENSION) && !args[0].startsWith("-");
    }
}
