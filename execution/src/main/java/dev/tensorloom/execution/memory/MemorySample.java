package dev.tensorloom.execution.memory;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Memory at one schedule action: what the ledger says and, when the platform can tell, what
 * the process measures.
 *
 * @param sequence position in the run, increasing
 * @param phase the action
 * @param nodeId node the action was about
 * @param ledgerBytes bytes the scheduler holds ({@link MemoryLedger#current()})
 * @param measuredBytes native bytes in use, empty when not measurable
 * @param nanos {@link System#nanoTime()} when sampled
 */
public record MemorySample(long sequence, MemoryPhase phase, String nodeId, long ledgerBytes,
        OptionalLong measuredBytes, long nanos) {

    public MemorySample {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(measuredBytes, "measuredBytes");
    }
}
