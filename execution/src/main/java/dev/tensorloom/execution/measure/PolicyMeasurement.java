package dev.tensorloom.execution.measure;

import dev.tensorloom.execution.memory.MemorySample;
import dev.tensorloom.execution.recompute.PlannedPolicy;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What one policy cost on one plan, measured.
 *
 * @param schedule            the planned schedule
 * @param peakMeasuredBytes   largest native bytes in use above the step's starting level, if measurable
 * @param peakLedgerBytes     largest activation ledger reading of the step
 * @param medianStepNanos     median wall time of the timed steps
 * @param stepNanos           every timed step's wall time
 * @param forwardEvaluations  block forward evaluations of one step
 * @param recomputations      of those, recomputations
 * @param recomputeCounts     per node id, recomputations seen in the metered step
 * @param samples             the metered step's timeline
 * @param startMeasuredBytes  native bytes in use when the metered step began: the level
 *                            {@code peakMeasuredBytes} is counted from, if measurable
 */
public record PolicyMeasurement(PlannedPolicy schedule, OptionalLong peakMeasuredBytes, long peakLedgerBytes,
        long medianStepNanos, List<Long> stepNanos, int forwardEvaluations, int recomputations,
        Map<String, Integer> recomputeCounts, List<MemorySample> samples, OptionalLong startMeasuredBytes) {

    public PolicyMeasurement {
        stepNanos = List.copyOf(stepNanos);
        recomputeCounts = Map.copyOf(recomputeCounts);
        samples = List.copyOf(samples);
    }
}
