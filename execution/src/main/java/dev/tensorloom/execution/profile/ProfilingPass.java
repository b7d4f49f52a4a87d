package dev.tensorloom.execution.profile;

import ai.djl.ndarray.NDArray;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.exec.ActionKind;
import dev.tensorloom.execution.exec.ActivationSchedule;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ExecutorAction;
import dev.tensorloom.execution.exec.ExecutorListener;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.StoreState;
import dev.tensorloom.execution.memory.DeviceMemory;
import dev.tensorloom.execution.memory.NativeMemoryProbe;
import dev.tensorloom.execution.memory.ReadingQuorum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Measures each node on slices of a real batch: one warm-up training pass (initialises parameters and
 * the allocator), then passes that keep everything, reading native memory and the clock right after
 * every node's forward. Large batches are measured on two slices (1/{@value #SLICE} of the examples and
 * twice that) and the affine fit is extended to the whole batch: profiling the whole batch would itself
 * reach the very peak that checkpointing is there to avoid, and set the process's peak resident memory
 * whichever policy then runs. With nothing dropped during that forward, the rise in native bytes across one node is
 * what its taped forward leaves held: its outputs and the tensors autograd saved for it (inputs saved by
 * autograd share storage with the producer's outputs and so are not counted twice).
 *
 * <p>The native reading is process-wide: the JIT compiler, the garbage collector and other JVM threads
 * malloc and free megabytes at moments that have nothing to do with the node running, and a single pass
 * pins each such allocation on whichever node happened to be measured (a 16 KiB relu read as 6.7 MiB,
 * another node as -1.5 MiB). Such allocations are not always short bursts: a C2 compilation grows its arena
 * for longer than several passes of a small model take and frees it all when it ends (measured on a
 * 64 × 512 deep chain: 14 MiB spread over the nodes of three consecutive passes, then -7 and -3.7 MiB; the
 * median of five passes then kept 193 and 513 KiB on two 128 KiB nodes, 1 in 30 profiles). A node's own
 * cost, on the other hand, repeats to within a few KiB. So a reading is only kept when it is reproduced
 * (see {@link ReadingQuorum}): passes run until every node has {@value ReadingQuorum#QUORUM} passes that agree
 * within {@value ReadingQuorum#AGREE_BYTES} bytes plus {@value ReadingQuorum#AGREE_PERCENT}%, and the node's value
 * is the median of its largest agreeing group. A pass only counts when native memory is back at its starting
 * level once the pass has released everything: memory another thread took or gave back meanwhile would
 * otherwise be spread over its nodes, possibly alike in consecutive passes. After {@value #MAX_PASSES}
 * passes without agreement on every node, each node settles on its best reading ({@link ReadingQuorum#settle}):
 * an agreeing quorum among all passes, else a median. A quiet profile takes three passes; under load it took up to eleven. The profile stays a
 * measurement: every value is a reading.
 *
 * <p>The passes compute real gradients; the next training step zeroes them.
 */
public final class ProfilingPass {

    /** The profile runs on this fraction of the batch. */
    static final int SLICE = 16;
    /** Fewest examples a profile runs on. */
    static final int MIN_SLICE_EXAMPLES = 32;
    /** Most measured passes per reading. */
    static final int MAX_PASSES = 15;

    private ProfilingPass() {
    }

    /**
     * Profiles with the probe that measures the plan's device: glibc's native heap on the CPU, none on a GPU
     * (host readings say nothing about device memory), where the profile is unmeasured and says so.
     */
    public static NodeProfile run(Executor executor, Map<String, NDArray> batch, long globalStep) {
        return run(executor, batch, globalStep, DeviceMemory.probeFor(executor.plan().device()));
    }

    /**
     * Profiles with {@code probe}; an unavailable probe gives output bytes as saved bytes. The passes train in
     * training mode, so the store's buffers (batch norm's running statistics) and first initialisations are put
     * back afterwards: a run that profiled starts from the state a run that did not starts from.
     */
    public static NodeProfile run(Executor executor, Map<String, NDArray> batch, long globalStep,
            NativeMemoryProbe probe) {
        StoreState before = StoreState.capture(executor.store());
        try {
            return profile(executor, batch, globalStep, probe);
        } finally {
            before.restore();
        }
    }

    private static NodeProfile profile(Executor executor, Map<String, NDArray> batch, long globalStep,
            NativeMemoryProbe probe) {
        long examples = batchSize(batch);
        long small = Math.max(MIN_SLICE_EXAMPLES, examples / SLICE);
        if (2 * small >= examples) {
            // Small batches are profiled whole: slices of a few examples would be lost in allocator noise.
            executor.train(batch, globalStep, ActivationSchedule.NONE, ExecutorListener.NONE, ForwardObserver.NONE);
            Measured whole = measure(executor, batch, globalStep, probe);
            return new NodeProfile(list(whole.saved), list(whole.output), list(whole.nanos), probe.available());
        }
        // Costs are affine in the batch size (a per-example part plus a fixed part such as per-node
        // statistics and allocator granularity), so two slices give both parts and the line extends to
        // the whole batch.
        Map<String, NDArray> first = slice(batch, small);
        executor.train(first, globalStep, ActivationSchedule.NONE, ExecutorListener.NONE, ForwardObserver.NONE);
        Measured a = measure(executor, first, globalStep, probe);
        Measured b = measure(executor, slice(batch, 2 * small), globalStep, probe);
        return new NodeProfile(extend(a.saved, b.saved, small, examples), extend(a.output, b.output, small, examples),
                extend(a.nanos, b.nanos, small, examples), probe.available());
    }

    /** Per node, the median of the largest group of agreeing readings over the counted passes. */
    private static Measured measure(Executor executor, Map<String, NDArray> batch, long globalStep,
            NativeMemoryProbe probe) {
        int n = executor.plan().size();
        List<Measured> all = new ArrayList<>();
        List<Measured> counted = new ArrayList<>();
        long[] saved = null;
        while (all.size() < MAX_PASSES) {
            Measured pass = measureOnce(executor, batch, globalStep, probe);
            all.add(pass);
            if (pass.returned()) {
                counted.add(pass);
            }
            if (counted.size() >= ReadingQuorum.QUORUM && (saved = agreed(counted, n)) != null) {
                break;
            }
        }
        List<Measured> basis = counted.isEmpty() ? all : counted;
        Measured m = new Measured(new long[n], new long[n], new long[n], true);
        for (int i = 0; i < n; i++) {
            m.saved[i] = Math.max(0, saved != null ? saved[i]
                    : ReadingQuorum.settle(values(counted, i, Measured::saved), values(all, i, Measured::saved)));
            m.output[i] = ReadingQuorum.median(values(basis, i, Measured::output));
            m.nanos[i] = ReadingQuorum.median(values(basis, i, Measured::nanos));
        }
        return m;
    }

    /** Per node, the agreed saved bytes, or null while some node has no quorum of agreeing passes. */
    private static long[] agreed(List<Measured> passes, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            long[] group = ReadingQuorum.largestAgreeingGroup(values(passes, i, Measured::saved));
            if (group.length < ReadingQuorum.QUORUM) {
                return null;
            }
            out[i] = ReadingQuorum.median(group);
        }
        return out;
    }

    private static long[] values(List<Measured> passes, int i, Function<Measured, long[]> field) {
        long[] values = new long[passes.size()];
        for (int p = 0; p < values.length; p++) {
            values[p] = field.apply(passes.get(p))[i];
        }
        return values;
    }

    /** One measured pass; its saved bytes are raw differences, negative when something else freed memory. */
    private static Measured measureOnce(Executor executor, Map<String, NDArray> batch, long globalStep,
            NativeMemoryProbe probe) {
        int n = executor.plan().size();
        long[] saved = new long[n];
        long[] output = new long[n];
        long[] nanos = new long[n];
        Recorder recorder = new Recorder(probe, saved, output, nanos);
        recorder.start();
        executor.train(batch, globalStep, ActivationSchedule.NONE, recorder, ForwardObserver.NONE);
        boolean returned = ReadingQuorum.counts(recorder.drift(), n);
        return new Measured(saved, output, nanos, returned);
    }

    /**
     * Per-node readings of one measured pass.
     *
     * @param returned whether native memory after the pass was back at its starting level (always true
     *                 when the probe cannot measure)
     */
    private record Measured(long[] saved, long[] output, long[] nanos, boolean returned) { }

    /** The line through (x, a) and (2x, b), read at {@code to}; never below the larger reading. */
    private static List<Long> extend(long[] a, long[] b, long x, long to) {
        List<Long> out = new ArrayList<>(a.length);
        for (int i = 0; i < a.length; i++) {
            double slope = (b[i] - a[i]) / (double) x;
            out.add(Math.max(Math.max(a[i], b[i]), Math.round(b[i] + slope * (to - 2 * x))));
        }
        return out;
    }

    private static List<Long> list(long[] values) {
        List<Long> out = new ArrayList<>(values.length);
        Arrays.stream(values).forEach(out::add);
        return out;
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


    /** Reads the probe and the clock at each forward action of the measured pass. */
    private static final class Recorder implements ExecutorListener {
        private final NativeMemoryProbe probe;
        private final long[] saved;
        private final long[] output;
        private final long[] nanos;
        private long startBytes;
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
            startBytes = probe.inUseBytes().orElse(0);
            lastBytes = startBytes;
            lastNanos = System.nanoTime();
        }

        /** Reads the probe once more: bytes the pass, having released everything, left behind (0 unmeasured). */
        long drift() {
            OptionalLong end = probe.inUseBytes();
            return end.isPresent() ? end.getAsLong() - startBytes : 0;
        }

        @Override
        public void onAction(ExecutorAction action) {
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
            saved[i] = bytes.isPresent() ? bytes.getAsLong() - lastBytes : action.bytes();
            lastBytes = bytes.orElse(0);
            // Exclude the probe's own cost from the next node's time.
            lastNanos = System.nanoTime();
        }
    }
}
