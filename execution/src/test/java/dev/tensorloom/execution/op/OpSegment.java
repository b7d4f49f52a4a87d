package dev.tensorloom.execution.op;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One piece of a block, timed forward and backward on random leaves of the given shapes, in the calling
 * thread's CPU time (so a loaded machine skews it less than the clock): what the block profilers time.
 */
public record OpSegment(Function<NDList, NDArray> op, Shape... shapes) {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** {forward ms, backward ms} of one run, against a random projection of the output as the loss. */
    public double[] time(NDManager parent) {
        try (NDManager m = parent.newSubManager()) {
            List<NDArray> leaves = new ArrayList<>();
            for (Shape s : shapes) {
                NDArray v = m.randomNormal(s).mul(m.create(0.5f));
                v.setRequiresGradient(true);
                leaves.add(v);
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                long t0 = THREADS.getCurrentThreadCpuTime();
                NDArray out = op.apply(new NDList(leaves));
                long t1 = THREADS.getCurrentThreadCpuTime();
                NDArray loss = out.mul(m.randomNormal(out.getShape())).sum();
                long t2 = THREADS.getCurrentThreadCpuTime();
                gc.backward(loss);
                long t3 = THREADS.getCurrentThreadCpuTime();
                return new double[] {(t1 - t0) / 1e6, (t3 - t2) / 1e6};
            }
        }
    }

    /**
     * Times every segment and the whole block for two warm-up rounds and {@code rounds} measured ones, then
     * prints each one's median forward and backward CPU ms under {@code title}, and the machine's load.
     */
    public static void printMedians(String title, Map<String, OpSegment> segments, String blockName, OpSegment block,
            NDManager manager, int rounds) {
        Map<String, double[][]> times = new LinkedHashMap<>();
        segments.keySet().forEach(k -> times.put(k, new double[2][rounds]));
        double[][] whole = new double[2][rounds];
        for (int r = -2; r < rounds; r++) {
            for (Map.Entry<String, OpSegment> e : segments.entrySet()) {
                record(times.get(e.getKey()), r, e.getValue().time(manager));
            }
            record(whole, r, block.time(manager));
        }
        System.out.printf("%s, thread CPU ms, median of %d (forward / backward)%n", title, rounds);
        times.forEach((k, t) -> System.out.printf("  %-30s %8.2f %8.2f%n", k, median(t[0]), median(t[1])));
        System.out.printf("  %-30s %8.2f %8.2f%n", blockName, median(whole[0]), median(whole[1]));
        try {
            System.out.println("load " + Files.readString(Path.of("/proc/loadavg")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores a round's {forward, backward} in {@code into[0|1][round]}; negative rounds are warm-up. */
    public static void record(double[][] into, int round, double[] forwardBackward) {
        if (round >= 0) {
            into[0][round] = forwardBackward[0];
            into[1][round] = forwardBackward[1];
        }
    }

    public static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
