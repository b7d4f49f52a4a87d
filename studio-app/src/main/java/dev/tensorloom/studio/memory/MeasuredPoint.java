package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.measure.PolicyMeasurement;
import java.util.List;

/**
 * A policy the user has measured, as a point beside the predicted ones: its measured peak and its step time
 * against {@code none}'s, timed in the same run.
 *
 * @param policy    the policy, as text
 * @param peakBytes the measured native peak above the step's start, or the ledger peak where native memory
 *                  cannot be measured ({@code nativeMemory} false: a lower bound)
 * @param nativeMemory true when {@code peakBytes} is the native measurement
 * @param timeRatio median step time over {@code none}'s median step time of the same run
 * @param batchSize the batch measured
 */
public record MeasuredPoint(String policy, long peakBytes, boolean nativeMemory, double timeRatio, int batchSize) {

    /** The two points a measurement gives: {@code none} and the policy it was compared with. */
    public static List<MeasuredPoint> of(MemoryAnalysis a) {
        PolicyMeasurement none = a.result().baseline();
        PolicyMeasurement chosen = a.result().policy();
        return List.of(point(none, 1.0, a.batchSize()), point(chosen, a.result().timeRatio(), a.batchSize()));
    }

    private static MeasuredPoint point(PolicyMeasurement m, double ratio, int batch) {
        boolean nativeMemory = m.peakMeasuredBytes().isPresent();
        return new MeasuredPoint(m.schedule().policy().toString(),
                nativeMemory ? m.peakMeasuredBytes().getAsLong() : m.peakLedgerBytes(), nativeMemory, ratio, batch);
    }
}
