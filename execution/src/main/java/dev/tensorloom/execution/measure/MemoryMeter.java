package dev.tensorloom.execution.measure;

import dev.tensorloom.execution.exec.ActionKind;
import dev.tensorloom.execution.exec.ExecutorAction;
import dev.tensorloom.execution.exec.ExecutorListener;
import dev.tensorloom.execution.memory.MemoryLedger;
import dev.tensorloom.execution.memory.MemoryPhase;
import dev.tensorloom.execution.memory.MemorySample;
import dev.tensorloom.execution.memory.MemoryTimeline;
import dev.tensorloom.execution.memory.NativeMemoryProbe;
import java.util.List;
import java.util.OptionalLong;

/**
 * Samples memory at every schedule action of a training step: the exact ledger of activation bytes the
 * executor holds (mirrored per node from the actions) and, where glibc can tell, the native bytes in
 * use. Where it cannot, measured values stay absent. Use one meter per step.
 */
public final class MemoryMeter implements ExecutorListener {
    private final MemoryLedger ledger = new MemoryLedger();
    private final NativeMemoryProbe probe;
    private final MemoryTimeline timeline;
    private final OptionalLong baseline;

    /** Takes the baseline reading now: create the meter right before the step it watches. */
    public MemoryMeter(NativeMemoryProbe probe) {
        this.probe = probe;
        this.timeline = new MemoryTimeline(ledger, probe);
        this.baseline = probe.inUseBytes();
    }

    @Override
    public void onAction(ExecutorAction action) {
        String tag = action.nodeId();
        switch (action.kind()) {
            case FORWARD, RECOMPUTE -> {
                if (ledger.holds(tag)) {
                    ledger.remove(tag);
                }
                ledger.add(tag, action.bytes());
            }
            default -> {
                if (ledger.holds(tag)) {
                    ledger.remove(tag);
                }
            }
        }
        timeline.sample(phase(action.kind()), tag);
    }

    private static MemoryPhase phase(ActionKind kind) {
        return switch (kind) {
            case FORWARD -> MemoryPhase.FORWARD;
            case DROP -> MemoryPhase.DROP;
            case RECOMPUTE -> MemoryPhase.RECOMPUTE;
            case BACKWARD -> MemoryPhase.BACKWARD;
        };
    }

    public MemoryTimeline timeline() {
        return timeline;
    }

    public List<MemorySample> samples() {
        return timeline.samples();
    }

    public boolean measures() {
        return probe.available();
    }

    /** Native bytes in use when the meter was created (parameters, batch, engine), if measurable. */
    public OptionalLong baselineBytes() {
        return baseline;
    }

    /** Largest ledger reading at an action. */
    public long peakLedgerBytes() {
        return timeline.peakLedgerBytes();
    }

    /** Largest measured native reading at an action, if measurable. */
    public OptionalLong peakMeasuredBytes() {
        return timeline.peakMeasuredBytes();
    }

    /** Largest rise of measured native bytes above the baseline: what the step itself held at most. */
    public OptionalLong peakMeasuredAboveBaseline() {
        OptionalLong peak = peakMeasuredBytes();
        if (peak.isEmpty() || baseline.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, peak.getAsLong() - baseline.getAsLong()));
    }
}
