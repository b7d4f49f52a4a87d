package dev.tensorloom.execution.op;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
