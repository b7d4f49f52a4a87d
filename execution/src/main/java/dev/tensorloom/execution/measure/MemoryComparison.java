package dev.tensorloom.execution.measure;

import ai.djl.ndarray.NDArray;
import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.exec.ActionKind;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ExecutorListener;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.StepOutcome;
import dev.tensorloom.execution.memory.NativeMemoryProbe;
import dev.tensorloom.execution.profile.NodeProfile;
import dev.tensorloom.execution.profile.ProfilingPass;
import dev.tensorloom.execution.memory.ReadingQuorum;
import dev.tensorloom.execution.recompute.PlannedPolicy;
import dev.tensorloom.execution.recompute.PolicyPlanning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Measures {@code none} and a chosen policy in the same process on the same batch and parameters: one
 * profiling pass plans both; each policy gets a warm-up step, then the timed steps alternate between the
 * two (so drift in machine load hits both alike), then metered steps sample memory at every action until
 * {@value ReadingQuorum#QUORUM} of them agree on the peak (see {@link ReadingQuorum}; at most {@value #MAX_METERED}),
 * and the median of those is kept. Timed steps carry no listener, so sampling costs never enter the step times.
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

    /** Most metered steps per policy. */
    static final int MAX_METERED = 9;

    private MemoryComparison() {
    }

    /**
     * @param timedSteps timed steps per policy (at least 1)
     * @throws IllegalArgumentException when the policy cannot be planned
     */
    public static Result run(Executor executor, Map<String, NDArray> batch, CheckpointPolicy policy, int timedSteps,
            NativeMemoryProbe probe) {
        return run(executor, batch, policy, timedSteps, probe, MeasurementProgress.NONE);
    }

    /** As {@link #run(Executor, Map, CheckpointPolicy, int, NativeMemoryProbe)}, telling {@code progress} each phase. */
    public static Result run(Executor executor, Map<String, NDArray> batch, CheckpointPolicy policy, int timedSteps,
            NativeMemoryProbe probe, MeasurementProgress progress) {
        if (timedSteps < 1) {
            throw new IllegalArgumentException("need at least one timed step, got " + timedSteps);
        }
        progress.phase("profiling each node", 0);
        NodeProfile profile = ProfilingPass.run(executor, batch, 0, probe);
        PlannedPolicy none = PolicyPlanning.schedule(executor.plan(), CheckpointPolicy.none(), profile);
        PlannedPolicy chosen = PolicyPlanning.schedule(executor.plan(), policy, profile);
        List<PlannedPolicy> both = List.of(none, chosen);
        List<List<Long>> times = List.of(new ArrayList<>(), new ArrayList<>());
        progress.phase("warming up", 0.3);
        for (PlannedPolicy s : both) {
            executor.train(batch, 0, s.activations(), ExecutorListener.NONE, ForwardObserver.NONE);
        }
        for (int step = 0; step < timedSteps; step++) {
            progress.phase("timing steps", 0.4);
            for (int p = 0; p < 2; p++) {
                long start = System.nanoTime();
                executor.train(batch, 0, both.get(p).activations(), ExecutorListener.NONE, ForwardObserver.NONE);
                times.get(p).add(System.nanoTime() - start);
            }
        }
        PolicyMeasurement noneMetered = metered(executor, batch, none, times.get(0), probe,
                (step, of) -> progress.phase("metering none, step " + step, 0.5 + 0.25 * (step - 1) / of));
        PolicyMeasurement chosenMetered = metered(executor, batch, chosen, times.get(1), probe,
                (step, of) -> progress.phase("metering " + policy + ", step " + step, 0.75 + 0.25 * (step - 1) / of));
        return new Result(noneMetered, chosenMetered, profile);
    }

    /**
     * Meters steps until {@value ReadingQuorum#QUORUM} that left native memory where they found it agree on the
     * measured peak, and keeps the median of those: the native reading is process-wide, and a JIT or GC
     * allocation during a step raises its peak by a few MiB, which at a small batch is as large as the
     * activations themselves, and a C2 compilation can last several steps (5 steps of a 2-block chain read
     * 270-350 KiB above the other 1557 KiB). Without agreement after {@value #MAX_METERED} steps, the step
     * whose peak {@link ReadingQuorum#settle} picks.
     */
    private static PolicyMeasurement metered(Executor executor, Map<String, NDArray> batch, PlannedPolicy s,
            List<Long> times, NativeMemoryProbe probe, MeteredStep announce) {
        List<PolicyMeasurement> all = new ArrayList<>();
        List<PolicyMeasurement> counted = new ArrayList<>();
        int steps = executor.plan().size();
        while (all.size() < MAX_METERED) {
            announce.next(all.size() + 1, MAX_METERED);
            PolicyMeasurement m = meteredOnce(executor, batch, s, times, probe);
            if (m.peakMeasuredBytes().isEmpty()) {
                return m;
            }
            all.add(m);
            long drift = probe.inUseBytes().orElse(0) - m.startMeasuredBytes().orElse(0);
            if (ReadingQuorum.counts(drift, steps)) {
                counted.add(m);
            }
            long[] group = ReadingQuorum.largestAgreeingGroup(peaks(counted));
            if (group.length >= ReadingQuorum.QUORUM) {
                return withPeak(counted, ReadingQuorum.median(group));
            }
        }
        return withPeak(all, ReadingQuorum.settle(peaks(counted), peaks(all)));
    }

    /** Tells which metered step (from 1, of at most {@code of}) runs next. */
    private interface MeteredStep {
        void next(int step, int of);
    }

    private static long[] peaks(List<PolicyMeasurement> steps) {
        return steps.stream().mapToLong(m -> m.peakMeasuredBytes().getAsLong()).toArray();
    }

    private static PolicyMeasurement withPeak(List<PolicyMeasurement> steps, long peak) {
        return steps.stream().filter(m -> m.peakMeasuredBytes().getAsLong() == peak).findFirst().orElseThrow();
    }

    private static PolicyMeasurement meteredOnce(Executor executor, Map<String, NDArray> batch, PlannedPolicy s,
            List<Long> times, NativeMemoryProbe probe) {
        Map<String, Integer> recomputes = new HashMap<>();
        MemoryMeter meter = new MemoryMeter(probe);
        ExecutorListener listener = a -> {
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
