package dev.tensorloom.execution.op.ssm;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times the chunked selective scan against the plain loop, forward and backward, at the shapes of the
 * selective-copy template (batch 32, 72 steps, 128 inner channels, state 16; arguments override them).
 * The two alternate round by round in the same process, so a shared machine slows both alike; the
 * median of each and their ratio are printed with the load average. Times are the calling thread's CPU
 * time (run with {@code OMP_NUM_THREADS=1} so that PyTorch works on that thread), which a loaded machine
 * disturbs far less than wall time. Not a test.
 */
public final class SelectiveScanBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SelectiveScanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int length = args.length > 1 ? Integer.parseInt(args[1]) : 72;
        int inner = args.length > 2 ? Integer.parseInt(args[2]) : 128;
        int state = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 15;
        double[] loop = new double[rounds];
        double[] chunked = new double[rounds];
        try (NDManager m = NDManager.newBaseManager()) {
            for (int r = -3; r < rounds; r++) {
                double tl = time(m, false, batch, length, inner, state);
                double tc = time(m, true, batch, length, inner, state);
                if (r >= 0) {
                    loop[r] = tl;
                    chunked[r] = tc;
                }
            }
        }
        Arrays.sort(loop);
        Arrays.sort(chunked);
        double ml = loop[rounds / 2];
        double mc = chunked[rounds / 2];
        System.out.printf("scan B=%d L=%d Di=%d N=%d, forward+backward CPU time, median of %d: loop %.1f ms, chunked %.1f ms,"
                + " speed-up %.2fx; load %s%n", batch, length, inner, state, rounds, ml, mc, ml / mc,
                Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static double time(NDManager parent, boolean chunkedScan, int batch, int length, int inner, int state) {
        try (NDManager m = parent.newSubManager()) {
            NDArray u = m.randomNormal(new Shape(batch, length, inner));
            NDArray delta = m.randomUniform(0.001f, 0.1f, new Shape(batch, length, inner));
            NDArray a = m.randomUniform(-16f, -1f, new Shape(inner, state));
            NDArray b = m.randomNormal(new Shape(batch, length, state));
            NDArray c = m.randomNormal(new Shape(batch, length, state));
            NDArray d = m.ones(new Shape(inner));
            for (NDArray v : new NDArray[] {u, delta, a, b, c, d}) {
                v.setRequiresGradient(true);
            }
            long start = THREADS.getCurrentThreadCpuTime();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = chunkedScan ? SelectiveScan.chunked(u, delta, a, b, c, d, (int) Math.ceil(Math.sqrt(length)))
                        : SelectiveScan.sequential(u, delta, a, b, c, d);
                gc.backward(y.sum());
            }
            return (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
        }
    }
}
