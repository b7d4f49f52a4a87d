package dev.tensorloom.execution.schedule;

import ai.djl.ndarray.NDArray;
import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.exec.ActionKind;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.ScheduleListener;
import dev.tensorloom.execution.exec.StepOutcome;
import dev.tensorloom.execution.memory.NativeMemoryProbe;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Measures {@code none} and a chosen policy in the same process on the same batch and parameters: one
 * profiling pass plans both; each policy gets a warm-up step, then the timed steps alternate between the
 * two (so drift in machine load hits both alike), then {@value #METERED} metered steps each sample memory
 * at every action and the median one is kept. Timed steps carry no listener, so sampling costs never enter the step times.
 */
public final class MemoryComparison {

    /**
     * Both measurements.
     *
     * @param baseline the {@code none} run
     * @param policy   the chosen policy's run
     * @param profile  the measured per-node costs both were planned from
     */
    public record Result(PolicyMeasurement baseline, PolicyMeasurement policy, NodeProfile profile) {

        /** Policy step time over {@code none} step time (medians). */
        public double timeRatio() {
            return (double) policy.medianStepNanos() / baseline.medianStepNanos();
        }

        /** Policy peak ledger over {@code none} peak ledger. */
        public double ledgerRatio() {
            return (double) policy.peakLedgerBytes() / baseline.peakLedgerBytes();
        }

        /** Policy peak measured bytes over {@code none}'s, empty when memory is not measurable. */
        public OptionalDouble measuredRatio() {
            if (policy.peakMeasuredBytes().isEmpty() || baseline.peakMeasuredBytes().isEmpty()
                    || baseline.peakMeasuredBytes().getAsLong() == 0) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of((double) policy.peakMeasuredBytes().getAsLong()
                    / baseline.peakMeasuredBytes().getAsLong());
        }
    }

    /** Metered steps per policy; odd, so the median is one of them. */
    static final int METERED = 3;

    private MemoryComparison() {
    }

    /**
     * @param timedSteps timed steps per policy (at least 1)
     * @throws IllegalArgumentException when the policy cannot be planned
     */
    public static Result run(Executor executor, Map<String, NDArray> batch, CheckpointPolicy policy, int timedSteps,
            NativeMemoryProbe probe) {
        if (timedSteps < 1) {
            throw new IllegalArgumentException("need at least one timed step, got " + timedSteps);
        }
        NodeProfile profile = ProfilingPass.run(executor, batch, 0, probe);
        CheckpointSchedule none = CheckpointScheduling.schedule(executor.plan(), CheckpointPolicy.none(), profile);
        CheckpointSchedule chosen = CheckpointScheduling.schedule(executor.plan(), policy, profile);
        List<CheckpointSchedule> both = List.of(none, chosen);
        List<List<Long>> times = List.of(new ArrayList<>(), new ArrayList<>());
        for (CheckpointSchedule s : both) {
            executor.train(batch, 0, s.activations(), ScheduleListener.NONE, ForwardObserver.NONE);
        }
        for (int step = 0; step < timedSteps; step++) {
            for (int p = 0; p < 2; p++) {
                long start = System.nanoTime();
                executor.train(batch, 0, both.get(p).activations(), ScheduleListener.NONE, ForwardObserver.NONE);
                times.get(p).add(System.nanoTime() - start);
            }
        }
        return new Result(metered(executor, batch, none, times.get(0), probe),
                metered(executor, batch, chosen, times.get(1), probe), profile);
    }

    /**
     * Meters {@value #METERED} steps and keeps the one with the median measured peak: the native reading is
     * process-wide, and a JIT or GC burst during one step raises that step's peak by a few MiB, which at a
     * small batch is as large as the activations themselves.
     */
    private static PolicyMeasurement metered(Executor executor, Map<String, NDArray> batch, CheckpointSchedule s,
            List<Long> times, NativeMemoryProbe probe) {
        List<PolicyMeasurement> steps = new ArrayList<>();
        for (int k = 0; k < METERED; k++) {
            steps.add(meteredOnce(executor, batch, s, times, probe));
        }
        if (steps.get(0).peakMeasuredBytes().isEmpty()) {
            return steps.get(0);
        }
        steps.sort(Comparator.comparingLong(m -> m.peakMeasuredBytes().getAsLong()));
        return steps.get(METERED / 2);
    }

    private static PolicyMeasurement meteredOnce(Executor executor, Map<String, NDArray> batch, CheckpointSchedule s,
            List<Long> times, NativeMemoryProbe probe) {
        Map<String, Integer> recomputes = new HashMap<>();
        MemoryMeter meter = new MemoryMeter(probe);
        ScheduleListener listener = a -> {
            meter.onAction(a);
            if (a.kind() == ActionKind.RECOMPUTE) {
                recomputes.merge(a.nodeId(), 1, Integer::sum);
            }
        };
        StepOutcome outcome = executor.train(batch, 0, s.activations(), listener, ForwardObserver.NONE);
        return new PolicyMeasurement(s, meter.peakMeasuredAboveBaseline(), outcome.peakHeldBytes(), median(times), times,
                outcome.forwardEvaluations(), outcome.recomputations(), recomputes, meter.samples(),
                meter.baselineBytes());
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
