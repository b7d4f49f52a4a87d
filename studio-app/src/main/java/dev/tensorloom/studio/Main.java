package dev.tensorloom.studio;

import dev.tensorloom.studio.cli.TensorloomCli;
import dev.tensorloom.studio.shell.StudioLauncher;

/** Entry point: no arguments opens the studio, anything else is the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            StudioLauncher.launch();
            return;
        }
        System.exit(TensorloomCli.run(args));
    }
}
