package dev.tensorloom.execution.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.data.ArrayBatchSource;
import dev.tensorloom.execution.data.DatasetRegistry;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.measure.MeasurementProgress;
import dev.tensorloom.execution.measure.MemoryComparison;
import dev.tensorloom.execution.memory.NativeMemoryProbe;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.model.InvalidInputException;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.model.validate.Validator;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Sets a memory measurement up from a project, beside {@link RunSetup}: compiles the graph for the CPU
 * (where native memory can be read), opens one batch of the project's built-in dataset, initialises the
 * parameters from the project's seed and measures {@code none} against a policy
 * ({@link MemoryComparison}). {@code tensorloom memory} and the studio's memory view both measure through
 * it, so they measure the same thing and refuse the same projects with the same words.
 */
public record MemorySetup(BlockCatalog catalog, OpRegistry ops, DatasetRegistry datasets) {

    /**
     * What one measurement ran on and found.
     *
     * @param plan      the compiled plan (node ids, re-planning)
     * @param result    both measurements and the profile they were planned from
     * @param batchSize the rows of the measured batch
     */
    public record Measured(Plan plan, MemoryComparison.Result result, int batchSize) {
    }

    /** The built-in ops and datasets, with {@code catalog} (the studio's holds the project's composites). */
    public static MemorySetup standard(BlockCatalog catalog) {
        return new MemorySetup(catalog, OpRegistry.standard(), DatasetRegistry.standard());
    }

    /**
     * Something measured on the compiled plan, a fresh executor (parameters from the project's seed) and one
     * batch; it must not keep the executor or the batch, which are closed when it returns.
     */
    @FunctionalInterface
    public interface OnOneBatch<T> {
        T measure(Plan plan, Executor executor, Map<String, NDArray> batch, int rows);
    }

    /**
     * Measures {@code none} against {@code policy}, each with {@code timedSteps} timed steps, on one batch
     * of {@code batch} rows (empty: the project's batch size).
     *
     * @throws InvalidInputException when the project cannot be measured (no built-in dataset, no loss);
     *     {@code InvalidGraphException} when the graph has errors (both {@code UserError}s)
     */
    public Measured measure(Document document, CheckpointPolicy policy, OptionalInt batch, int timedSteps,
            NativeMemoryProbe probe) {
        return measure(document, policy, batch, timedSteps, probe, MeasurementProgress.NONE);
    }

    /** As {@link #measure(Document, CheckpointPolicy, OptionalInt, int, NativeMemoryProbe)}, telling each phase. */
    public Measured measure(Document document, CheckpointPolicy policy, OptionalInt batch, int timedSteps,
            NativeMemoryProbe probe, MeasurementProgress progress) {
        return onOneBatch(document, batch, (plan, executor, arrays, rows) ->
                new Measured(plan, MemoryComparison.run(executor, arrays, policy, timedSteps, probe, progress), rows));
    }

    /**
     * Validates and compiles {@code document} for the CPU, opens one batch of {@code batch} rows (empty: the
     * project's batch size) of its built-in dataset and runs {@code measurement} on them: the one way every
     * memory measurement (a comparison, the trade-off explorer's profile) is set up.
     *
     * @throws InvalidInputException when the project cannot be measured (no built-in dataset, no loss);
     *     {@code InvalidGraphException} when the graph has errors (both {@code UserError}s)
     */
    public <T> T onOneBatch(Document document, OptionalInt batch, OnOneBatch<T> measurement) {
        Validator.requireValid(document, catalog);
        TrainingConfig config = document.config();
        if (config.dataset().isBlank()) {
            throw new InvalidInputException("the project names no dataset to measure memory with; choose a "
                    + "built-in one in the run panel (for example seq-reverse)");
        }
        if (!datasets.isSynthetic(config.dataset())) {
            throw new InvalidInputException("memory is measured on built-in datasets only, and '"
                    + config.dataset() + "' is not one");
        }
        Plan plan = Compiler.compile(document, catalog, ops, DeviceChoice.CPU);
        if (plan.lossSteps().isEmpty()) {
            throw new InvalidInputException("the graph has no loss to train, so there is no backward pass to measure");
        }
        int rows = batch.orElse(config.batchSize());
        try (ParameterStore store = new ParameterStore(plan.device(), config.seed());
                Executor executor = new Executor(plan, store, config.seed());
                NDManager data = NDManager.newBaseManager(plan.device())) {
            ArrayBatchSource batches = new ArrayBatchSource(datasets.open(config.dataset(), config.seed()));
            return measurement.measure(plan, executor, batches.next(data, rows), rows);
        }
    }
}
