package dev.tensorloom.execution.schedule;

import ai.djl.ndarray.NDArray;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.exec.ActionKind;
import dev.tensorloom.execution.exec.ActivationSchedule;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.ScheduleAction;
import dev.tensorloom.execution.exec.ScheduleListener;
import dev.tensorloom.execution.memory.NativeMemoryProbe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Measures each node on a slice of a real batch: one warm-up training pass (initialises parameters and
 * the allocator), then a pass that keeps everything, reading native memory and the clock right after
 * every node's forward. The slice holds 1/{@value #SLICE} of the batch's examples and the measured bytes
 * and times are scaled back up: activations grow linearly with the batch, and profiling the whole batch
 * would itself reach the very peak that checkpointing is there to avoid (it would set the process's peak
 * resident memory no matter which policy then runs). With nothing dropped during that forward, the rise in native bytes across one node is
 * what its taped forward leaves held: its outputs and the tensors autograd saved for it (inputs saved by
 * autograd share storage with the producer's outputs and so are not counted twice).
 *
 * <p>The passes compute real gradients; the next training step zeroes them.
 */
public final class ProfilingPass {

    /** The profile runs on this fraction of the batch. */
    static final int SLICE = 16;

    private ProfilingPass() {
    }

    /** Profiles with the process's native probe. */
    public static NodeProfile run(Executor executor, Map<String, NDArray> batch, long globalStep) {
        return run(executor, batch, globalStep, NativeMemoryProbe.system());
    }

    /** Profiles with {@code probe}; an unavailable probe gives output bytes as saved bytes. */
    public static NodeProfile run(Executor executor, Map<String, NDArray> batch, long globalStep,
            NativeMemoryProbe probe) {
        long examples = batchSize(batch);
        long sliceSize = Math.max(1, examples / SLICE);
        double scale = examples / (double) sliceSize;
        Map<String, NDArray> slice = slice(batch, sliceSize);
        executor.train(slice, globalStep, ActivationSchedule.NONE, ScheduleListener.NONE, ForwardObserver.NONE);
        Plan plan = executor.plan();
        int n = plan.size();
        long[] saved = new long[n];
        long[] output = new long[n];
        long[] nanos = new long[n];
        Recorder recorder = new Recorder(probe, saved, output, nanos);
        recorder.start();
        executor.train(slice, globalStep, ActivationSchedule.NONE, recorder, ForwardObserver.NONE);
        return new NodeProfile(scaled(saved, scale), scaled(output, scale), scaled(nanos, scale), probe.available());
    }

    private static long batchSize(Map<String, NDArray> batch) {
        return batch.values().stream().filter(a -> a.getShape().dimension() > 0)
                .mapToLong(a -> a.getShape().get(0)).max().orElse(1);
    }

    /** The first {@code n} examples of every field (views; the batch keeps owning the memory). */
    private static Map<String, NDArray> slice(Map<String, NDArray> batch, long n) {
        Map<String, NDArray> out = new java.util.LinkedHashMap<>();
        batch.forEach((k, v) -> out.put(k, v.getShape().dimension() > 0 && v.getShape().get(0) > n
                ? v.get("0:" + n) : v));
        return out;
    }

    private static List<Long> scaled(long[] values, double scale) {
        List<Long> out = new ArrayList<>(values.length);
        Arrays.stream(values).forEach(v -> out.add(Math.round(v * scale)));
        return out;
    }

    /** Reads the probe and the clock at each forward action of the measured pass. */
    private static final class Recorder implements ScheduleListener {
        private final NativeMemoryProbe probe;
        private final long[] saved;
        private final long[] output;
        private final long[] nanos;
        private long lastBytes;
        private long lastNanos;
        private boolean forwardDone;

        Recorder(NativeMemoryProbe probe, long[] saved, long[] output, long[] nanos) {
            this.probe = probe;
            this.saved = saved;
            this.output = output;
            this.nanos = nanos;
        }

        void start() {
            lastBytes = probe.inUseBytes().orElse(0);
            lastNanos = System.nanoTime();
        }

        @Override
        public void onAction(ScheduleAction action) {
            if (forwardDone || action.kind() != ActionKind.FORWARD) {
                // Backward starts with the first non-forward action; nothing after it is profiled.
                forwardDone = forwardDone || action.kind() != ActionKind.FORWARD;
                return;
            }
            long now = System.nanoTime();
            OptionalLong bytes = probe.inUseBytes();
            int i = action.stepIndex();
            output[i] = action.bytes();
            nanos[i] = now - lastNanos;
            saved[i] = bytes.isPresent() ? Math.max(0, bytes.getAsLong() - lastBytes) : action.bytes();
            lastBytes = bytes.orElse(0);
            // Exclude the probe's own cost from the next node's time.
            lastNanos = System.nanoTime();
        }
    }
}
