package dev.tensorloom.studio.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.compile.CompileException;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.data.ArrayBatchSource;
import dev.tensorloom.execution.data.DatasetRegistry;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.memory.NativeMemoryProbe;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.measure.MemoryComparison;
import dev.tensorloom.execution.run.RunSetup;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.model.io.Project;
import java.util.Map;
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
        Document doc = project.document();
        TrainingConfig config = doc.config();
        if (config.dataset().isBlank()) {
            throw new IllegalArgumentException(source.displayName() + ": the project names no dataset to measure with");
        }
        DatasetRegistry datasets = DatasetRegistry.standard();
        if (!datasets.isSynthetic(config.dataset())) {
            throw new IllegalArgumentException(source.displayName() + ": unknown dataset '" + config.dataset() + "'");
        }
        Plan plan;
        try {
            plan = Compiler.compile(doc, BlockCatalog.standard(), OpRegistry.standard(), DeviceChoice.CPU);
        } catch (CompileException e) {
            throw new IllegalArgumentException(source.displayName() + ": " + e.getMessage());
        }
        if (plan.lossSteps().isEmpty()) {
            throw new IllegalArgumentException(source.displayName() + ": the graph has no loss to train");
        }
        int rows = batch != null ? batch : config.batchSize();
        if (pareto) {
            return tradeoff(plan, config, datasets, rows);
        }
        MemoryComparison.Result result;
        try (ParameterStore store = new ParameterStore(plan.device(), config.seed());
                Executor executor = new Executor(plan, store, config.seed());
                NDManager data = NDManager.newBaseManager(plan.device())) {
            ArrayBatchSource batches = new ArrayBatchSource(datasets.open(config.dataset(), config.seed()));
            Map<String, NDArray> arrays = batches.next(data, rows);
            result = MemoryComparison.run(executor, arrays, policy, steps, NativeMemoryProbe.system());
        }
        MemoryReport report = new MemoryReport(source.displayName(), policy, rows, steps, plan, result);
        if (json) {
            spec.commandLine().getOut().println(report.json());
        } else {
            report.print(spec.commandLine().getOut());
        }
        return TensorloomCli.OK;
    }

    private int tradeoff(Plan plan, TrainingConfig config, DatasetRegistry datasets, int rows) throws Exception {
        TradeoffRun run;
        try (ParameterStore store = new ParameterStore(plan.device(), config.seed());
                Executor executor = new Executor(plan, store, config.seed());
                NDManager data = NDManager.newBaseManager(plan.device())) {
            ArrayBatchSource batches = new ArrayBatchSource(datasets.open(config.dataset(), config.seed()));
            run = TradeoffRun.measure(executor, batches.next(data, rows), steps, NativeMemoryProbe.system());
        }
        TradeoffReport report = new TradeoffReport(source.displayName(), rows, steps, run);
        if (json) {
            spec.commandLine().getOut().println(report.json());
        } else {
            report.print(spec.commandLine().getOut());
        }
        return TensorloomCli.OK;
    }
}
