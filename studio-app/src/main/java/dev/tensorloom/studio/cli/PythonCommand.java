package dev.tensorloom.studio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tensorloom python}: the Python environment that export and the PyTorch engine run in. */
@Command(name = "python", description = "Set up or inspect the Python environment (torch, onnx, …) Tensorloom runs.",
        subcommands = {PythonSetupCommand.class, PythonStatusCommand.class})
final class PythonCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
