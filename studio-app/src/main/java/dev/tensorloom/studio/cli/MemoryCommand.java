package dev.tensorloom.studio.cli;

import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.compile.CompileException;
import dev.tensorloom.execution.memory.NativeMemoryProbe;
import dev.tensorloom.execution.run.MemorySetup;
import dev.tensorloom.execution.run.RunSetup;
import dev.tensorloom.model.InvalidInputException;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.io.Project;
import dev.tensorloom.model.validate.InvalidGraphException;
import java.io.PrintWriter;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tensorloom memory}: trains a few steps with {@code none} and with a checkpoint policy in the
 * same process and reports peak memory (measured and ledger), step time, recomputation and the ratios,
 * plus what the policy does with each node.
 */
@Command(name = "memory", description = "Measure activation memory and step time: no checkpointing vs a policy.")
final class MemoryCommand implements Callable<Integer> {
    private static final int MAX_STEPS = 1000;

    @Mixin
    ProjectSource source;

    @Option(names = "--checkpoint", paramLabel = "POLICY", defaultValue = "sqrt",
            description = CheckpointPolicy.HELP + " (default: ${DEFAULT-VALUE}).")
    String checkpoint;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "3",
            description = "Timed steps per policy after a warm-up; the median is reported (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--batch", paramLabel = "B", description = "Batch size (default: the project's).")
    Integer batch;

    @Option(names = "--json", description = "Print machine-readable JSON, timelines included.")
    boolean json;

    @Option(names = "--pareto", description = "Predict every policy the planner offers (peak, step time, "
            + "on the memory/time frontier or not) on the measured profile instead of measuring one; "
            + "--checkpoint is not used.")
    boolean pareto;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CheckpointPolicy policy = CheckpointPolicy.parse(checkpoint);
        if (steps < 1 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("--steps must be between 1 and " + MAX_STEPS + ", got " + steps);
        }
        if (batch != null) {
            RunSetup.requireBatchSize(batch);
        }
        Project project = source.load();
        ProjectChecks.requireValid(project, source.displayName());
        MemorySetup setup = MemorySetup.standard(BlockCatalog.standard());
        OptionalInt rows = batch == null ? OptionalInt.empty() : OptionalInt.of(batch);
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (pareto) {
                TradeoffReport report = setup.onOneBatch(project.document(), rows, (plan, executor, arrays, n) ->
                        new TradeoffReport(source.displayName(), n, steps,
                                TradeoffRun.measure(executor, arrays, steps, NativeMemoryProbe.system())));
                if (json) {
                    out.println(report.json());
                } else {
                    report.print(out);
                }
                return TensorloomCli.OK;
            }
            MemorySetup.Measured measured = setup.measure(project.document(), policy, rows, steps,
                    NativeMemoryProbe.system());
            MemoryReport report = new MemoryReport(source.displayName(), policy, measured.batchSize(), steps,
                    measured.plan(), measured.result());
            if (json) {
                out.println(report.json());
            } else {
                report.print(out);
            }
            return TensorloomCli.OK;
        } catch (IllegalArgumentException | CompileException | InvalidGraphException e) {
            // Every message names the project, as the other commands' do.
            throw new InvalidInputException(source.displayName() + ": " + e.getMessage());
        }
    }
}
