package dev.tensorloom.studio.memory;

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
import dev.tensorloom.execution.memory.NativeMemoryProbe;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.measure.MemoryComparison;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.TrainingConfig;
import java.util.Map;
import java.util.OptionalInt;

/** The same measurement as {@code tensorloom memory}: one batch, one timed step per policy, on the CPU. */
public final class StandardMemoryAnalyzer implements MemoryAnalyzer {
    private final BlockCatalog catalog;
    private final OpRegistry ops;
    private final DatasetRegistry datasets;
    private final OptionalInt batchOverride;

    public StandardMemoryAnalyzer(BlockCatalog catalog, OptionalInt batchOverride) {
        this(catalog, OpRegistry.standard(), DatasetRegistry.standard(), batchOverride);
    }

    public StandardMemoryAnalyzer(BlockCatalog catalog, OpRegistry ops, DatasetRegistry datasets,
            OptionalInt batchOverride) {
        this.catalog = catalog;
        this.ops = ops;
        this.datasets = datasets;
        this.batchOverride = batchOverride;
    }

    @Override
    public MemoryAnalysis analyze(Document document, CheckpointPolicy policy) {
        TrainingConfig config = document.config();
        if (config.dataset().isBlank() || !datasets.isSynthetic(config.dataset())) {
            throw new IllegalArgumentException("choose a built-in dataset in the run panel to measure memory with");
        }
        Plan plan = Compiler.compile(document, catalog, ops, DeviceChoice.CPU);
        if (plan.lossSteps().isEmpty()) {
            throw new IllegalArgumentException("the graph has no loss to train, so there is no backward pass to measure");
        }
        int rows = batchOverride.orElse(config.batchSize());
        try (ParameterStore store = new ParameterStore(plan.device(), config.seed());
                Executor executor = new Executor(plan, store, config.seed());
                NDManager data = NDManager.newBaseManager(plan.device())) {
            ArrayBatchSource batches = new ArrayBatchSource(datasets.open(config.dataset(), config.seed()));
            Map<String, NDArray> arrays = batches.next(data, rows);
            return new MemoryAnalysis(plan, MemoryComparison.run(executor, arrays, policy, 1,
                    NativeMemoryProbe.system()), rows);
        }
    }
}
