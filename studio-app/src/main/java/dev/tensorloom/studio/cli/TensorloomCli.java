package dev.tensorloom.studio.cli;

import dev.tensorloom.model.UserError;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tensorloom} command line. Exit codes: 0 success, 2 bad input (one clear line on stderr,
 * no stack trace), 1 internal error.
 */
@Command(name = "tensorloom", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Build, train and understand deep-learning models. Without a command, opens the studio.",
        subcommands = {InfoCommand.class, TemplatesCommand.class, ValidateCommand.class, TrainCommand.class,
                ExportCommand.class, MemoryCommand.class, PlanCommand.class, ScreenshotCommand.class,
                PythonCommand.class, CommandLine.HelpCommand.class})
public final class TensorloomCli implements Runnable {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs with the given streams (tests capture them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new TensorloomCli());
        cli.setOut(out);
        cli.setErr(err);
        // Every command answers -h/--help with its own options (picocli adds them only where asked).
        cli.getSubcommands().values().stream().filter(c -> !(c.getCommand() instanceof CommandLine.HelpCommand))
                .forEach(c -> c.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help")
                        .usageHelp(true).description("Show this help message and exit.").build()));
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("tensorloom: " + ex.getMessage());
            String command = ex.getCommandLine() == cli ? "" : " " + ex.getCommandLine().getCommandName();
            err.println("Try 'tensorloom" + command + " --help' for the options.");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof UserError || ex instanceof IllegalArgumentException && ex.getMessage() != null) {
                err.println(ex.getMessage());
                return BAD_INPUT;
            }
            err.println("tensorloom: internal error: " + ex);
            ex.printStackTrace(err);
            return INTERNAL_ERROR;
        });
        return cli.execute(args);
    }
}
