package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.model.doc.Document;

/** Measures {@code none} against a policy on a project copy; called on a background thread. */
@FunctionalInterface
public interface MemoryAnalyzer {
    MemoryAnalysis analyze(Document document, CheckpointPolicy policy) throws Exception;
}
