package dev.tensorloom.execution.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The optimizers against torch.optim's update rules, written out in double precision. */
class TorchOptimizersTest {
    private static final int SIZE = 7;
    private static final int STEPS = 6;

    @Test
    void adamFollowsTorchAdam() {
        check("adam", 0, 0.05);
    }

    @Test
    void adamWFollowsTorchAdamW() {
        check("adamw", 0, 0.05);
    }

    @Test
    void sgdWithMomentumFollowsTorchSgd() {
        check("sgd", 0.9, 0.01);
    }

    @Test
    void stateCanBeRestoredIntoAFreshOptimizer() {
        Random r = new Random(3);
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterOptimizer a = Optimizers.create("adamw", 0, 0.01, m.newSubManager());
            NDArray w1 = m.create(random(r));
            NDArray w2 = w1.duplicate();
            float[][] grads = new float[STEPS][];
            for (int s = 0; s < STEPS; s++) {
                grads[s] = random(r);
            }
            ParameterOptimizer first = Optimizers.create("adamw", 0, 0.01, m.newSubManager());
            for (int s = 0; s < 3; s++) {
                a.update("p", w1, m.create(grads[s]), 1e-2);
                first.update("p", w2, m.create(grads[s]), 1e-2);
            }
            ParameterOptimizer b = Optimizers.create("adamw", 0, 0.01, m.newSubManager());
            b.restore("p", first.state().get("p"), first.steps().get("p"));
            for (int s = 3; s < STEPS; s++) {
                a.update("p", w1, m.create(grads[s]), 1e-2);
                b.update("p", w2, m.create(grads[s]), 1e-2);
            }
            assertEquals(List.of(), diff(w1.toFloatArray(), w2.toFloatArray()));
        }
    }

    private static List<Integer> diff(float[] a, float[] b) {
        java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToIntBits(a[i]) != Float.floatToIntBits(b[i])) {
                out.add(i);
            }
        }
        return out;
    }

    private static void check(String name, double momentum, double weightDecay) {
        Random r = new Random(name.hashCode());
        float[] start = random(r);
        double[] w = new double[SIZE];
        double[] m1 = new double[SIZE];
        double[] v = new double[SIZE];
        for (int i = 0; i < SIZE; i++) {
            w[i] = start[i];
        }
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterOptimizer optimizer = Optimizers.create(name, momentum, weightDecay, m.newSubManager());
            NDArray weight = m.create(start);
            for (int t = 1; t <= STEPS; t++) {
                float[] g = random(r);
                double lr = 0.01 * t;
                optimizer.update("p", weight, m.create(g), lr);
                for (int i = 0; i < SIZE; i++) {
                    double grad = g[i];
                    if ("adamw".equals(name)) {
                        w[i] *= 1 - lr * weightDecay;
                    } else {
                        grad += weightDecay * w[i];
                    }
                    if ("sgd".equals(name)) {
                        m1[i] = t == 1 ? grad : momentum * m1[i] + grad;
                        w[i] -= lr * m1[i];
                    } else {
                        m1[i] = 0.9 * m1[i] + 0.1 * grad;
                        v[i] = 0.999 * v[i] + 0.001 * grad * grad;
                        double denominator = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8;
                        w[i] -= lr / (1 - Math.pow(0.9, t)) * m1[i] / denominator;
                    }
                }
                float[] got = weight.toFloatArray();
                for (int i = 0; i < SIZE; i++) {
                    assertEquals(w[i], got[i], 1e-5 * Math.max(1, Math.abs(w[i])), name + " step " + t + " element " + i);
                }
            }
            assertEquals((long) STEPS, optimizer.steps().get("p"));
        }
    }

    private static float[] random(Random r) {
        float[] a = new float[SIZE];
        for (int i = 0; i < SIZE; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }
}
