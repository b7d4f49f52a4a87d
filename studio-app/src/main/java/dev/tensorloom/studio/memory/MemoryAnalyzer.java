package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.measure.MeasurementProgress;
import dev.tensorloom.model.doc.Document;

/** Measures {@code none} against a policy on a project copy; called on a background thread. */
@FunctionalInterface
public interface MemoryAnalyzer {
    MemoryAnalysis analyze(Document document, CheckpointPolicy policy) throws Exception;

    /** The same, telling {@code progress} each phase; an analyzer without phases tells none. */
    default MemoryAnalysis analyze(Document document, CheckpointPolicy policy, MeasurementProgress progress)
            throws Exception {
        return analyze(document, policy);
    }
}
