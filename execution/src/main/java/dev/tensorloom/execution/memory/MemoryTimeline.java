package dev.tensorloom.execution.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The samples of one run in order, from a {@link MemoryLedger} and a {@link NativeMemoryProbe},
 * with their peaks. What the memory view plots.
 */
public final class MemoryTimeline {

    private final MemoryLedger ledger;
    private final NativeMemoryProbe probe;
    private final List<MemorySample> samples = new ArrayList<>();

    public MemoryTimeline(MemoryLedger ledger, NativeMemoryProbe probe) {
        this.ledger = ledger;
        this.probe = probe;
    }

    /** Takes a sample now and returns it. */
    public MemorySample sample(MemoryPhase phase, String nodeId) {
        MemorySample s = new MemorySample(samples.size(), phase, nodeId, ledger.current(), probe.inUseBytes(),
                System.nanoTime());
        samples.add(s);
        return s;
    }

    public List<MemorySample> samples() {
        return List.copyOf(samples);
    }

    /** Largest ledger reading among the samples (the ledger's own peak may fall between them). */
    public long peakLedgerBytes() {
        return samples.stream().mapToLong(MemorySample::ledgerBytes).max().orElse(0);
    }

    /** Largest measured reading, empty when nothing was measured. */
    public OptionalLong peakMeasuredBytes() {
        return samples.stream().map(MemorySample::measuredBytes).filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong).max();
    }
}
