package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.measure.MemoryComparison;

/**
 * One memory analysis: the compiled plan (for node ids and re-planning), both measurements and the
 * profile they were planned from, and the batch size it ran with.
 */
public record MemoryAnalysis(Plan plan, MemoryComparison.Result result, int batchSize) {
}
