package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.measure.MeasurementProgress;
import dev.tensorloom.execution.memory.NativeMemoryProbe;
import dev.tensorloom.execution.run.MemorySetup;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import java.util.OptionalInt;

/** The same measurement as {@code tensorloom memory} ({@link MemorySetup}): one batch, one timed step per policy. */
public final class StandardMemoryAnalyzer implements MemoryAnalyzer {
    private final MemorySetup setup;
    private final OptionalInt batchOverride;

    public StandardMemoryAnalyzer(BlockCatalog catalog, OptionalInt batchOverride) {
        this(MemorySetup.standard(catalog), batchOverride);
    }

    public StandardMemoryAnalyzer(MemorySetup setup, OptionalInt batchOverride) {
        this.setup = setup;
        this.batchOverride = batchOverride;
    }

    @Override
    public MemoryAnalysis analyze(Document document, CheckpointPolicy policy) {
        return analyze(document, policy, MeasurementProgress.NONE);
    }

    @Override
    public MemoryAnalysis analyze(Document document, CheckpointPolicy policy, MeasurementProgress progress) {
        MemorySetup.Measured m = setup.measure(document, policy, batchOverride, 1, NativeMemoryProbe.system(), progress);
        return new MemoryAnalysis(m.plan(), m.result(), m.batchSize());
    }
}
