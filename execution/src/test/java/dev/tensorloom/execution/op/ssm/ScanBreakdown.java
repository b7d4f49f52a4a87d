package dev.tensorloom.execution.op.ssm;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Function;

/** Scratch breakdown of the selective scan's forward and backward CPU time by part. Not a test. */
public final class ScanBreakdown {
    private static final ThreadMXBean T = ManagementFactory.getThreadMXBean();
    static final int B = 32, L = 72, D = 128, N = 16;

    public static void main(String[] args) {
        run("full sequential", v -> SelectiveScan.sequential(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5)),
                new Shape(B, L, D), new Shape(B, L, D), new Shape(D, N), new Shape(B, L, N), new Shape(B, L, N), new Shape(D));
        run("decay only", v -> v.get(0).expandDims(3).mul(v.get(1)).exp(), new Shape(B, L, D), new Shape(D, N));
        run("drive only", v -> v.get(0).mul(v.get(1)).expandDims(3).mul(v.get(2).expandDims(2)),
                new Shape(B, L, D), new Shape(B, L, D), new Shape(B, L, N));
        run("loop, y in loop", v -> loop(v.get(0), v.get(1), v.get(2), false),
                new Shape(B, L, D, N), new Shape(B, L, D, N), new Shape(B, L, N));
        run("loop, stacked states", v -> loop(v.get(0), v.get(1), v.get(2), true),
                new Shape(B, L, D, N), new Shape(B, L, D, N), new Shape(B, L, N));
        run("recurrence only", v -> recurrence(v.get(0), v.get(1)), new Shape(B, L, D, N), new Shape(B, L, D, N));
        run("split+stack only", v -> NDArrays.stack(splitSq(v.get(0)), 1), new Shape(B, L, D, N));
    }

    static NDList splitSq(NDArray a) {
        NDList s = a.split(L, 1);
        NDList out = new NDList();
        for (NDArray p : s) {
            out.add(p.squeeze(1));
        }
        return out;
    }

    static NDArray recurrence(NDArray decay, NDArray drive) {
        NDList ds = decay.split(L, 1);
        NDList rs = drive.split(L, 1);
        NDArray x = decay.getManager().zeros(new Shape(B, D, N));
        NDList xs = new NDList();
        for (int t = 0; t < L; t++) {
            x = ds.get(t).squeeze(1).mul(x).add(rs.get(t).squeeze(1));
            xs.add(x);
        }
        return NDArrays.stack(xs, 1);
    }

    static NDArray loop(NDArray decay, NDArray drive, NDArray c, boolean stacked) {
        NDList ds = decay.split(L, 1);
        NDList rs = drive.split(L, 1);
        NDList cs = c.expandDims(2).split(L, 1);
        NDArray x = decay.getManager().zeros(new Shape(B, D, N));
        NDList ys = new NDList();
        for (int t = 0; t < L; t++) {
            x = ds.get(t).squeeze(1).mul(x).add(rs.get(t).squeeze(1));
            ys.add(stacked ? x : x.mul(cs.get(t).squeeze(1)).sum(new int[] {2}));
        }
        if (stacked) {
            NDArray states = NDArrays.stack(ys, 1).reshape(B * L, D, N);
            return states.matMul(c.reshape(B * L, N, 1)).reshape(B, L, D);
        }
        return NDArrays.stack(ys, 1);
    }

    static void run(String name, Function<NDList, NDArray> f, Shape... shapes) {
        int rounds = 7;
        double[] fw = new double[rounds], bw = new double[rounds];
        try (NDManager base = NDManager.newBaseManager()) {
            for (int r = -2; r < rounds; r++) {
                try (NDManager m = base.newSubManager()) {
                    NDList leaves = new NDList();
                    for (Shape s : shapes) {
                        NDArray v = m.randomUniform(0.01f, 0.5f, s);
                        v.setRequiresGradient(true);
                        leaves.add(v);
                    }
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        long t0 = T.getCurrentThreadCpuTime();
                        NDArray out = f.apply(leaves);
                        long t1 = T.getCurrentThreadCpuTime();
                        NDArray loss = out.sum();
                        long t2 = T.getCurrentThreadCpuTime();
                        gc.backward(loss);
                        long t3 = T.getCurrentThreadCpuTime();
                        if (r >= 0) {
                            fw[r] = (t1 - t0) / 1e6;
                            bw[r] = (t3 - t2) / 1e6;
                        }
                    }
                }
            }
        }
        Arrays.sort(fw);
        Arrays.sort(bw);
        System.out.printf("%-24s fwd %7.1f  bwd %7.1f ms%n", name, fw[rounds / 2], bw[rounds / 2]);
    }
}
