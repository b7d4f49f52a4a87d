package dev.tensorloom.execution.op.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelectiveScanTest {
    private static final int BATCH = 2;
    private static final int INNER = 3;
    private static final int STATE = 4;

    @ParameterizedTest(name = "L={0}")
    @CsvSource({"1", "6", "7", "16"})
    void bothScansMatchTheReferenceRecurrence(int length) {
        Inputs in = new Inputs(new Random(21 + length), length, 0.5);
        double[] expected = in.reference();
        try (NDManager m = NDManager.newBaseManager()) {
            float[] scan = in.run(m, Impl.DEVICE_CHOICE, 0).toFloatArray();
            float[] chunked = in.run(m, Impl.CHUNKED, (int) Math.ceil(Math.sqrt(length))).toFloatArray();
            float[] loop = in.run(m, Impl.SEQUENTIAL, 0).toFloatArray();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], scan[i], 1e-4, "scan at " + i);
                assertEquals(expected[i], chunked[i], 1e-4, "chunked at " + i);
                assertEquals(expected[i], loop[i], 1e-4, "loop at " + i);
            }
        }
    }

    @ParameterizedTest(name = "L={0} chunk={1}")
    @CsvSource({"9, 3", "10, 3", "10, 4", "10, 1", "10, 10", "72, 9", "13, 5"})
    void chunkedGivesTheLoopsOutputsAndGradients(int length, int chunk) {
        Inputs in = new Inputs(new Random(5 * length + chunk), length, 0.5);
        try (NDManager m = NDManager.newBaseManager()) {
            float[][] loop = in.outputAndGradients(m, Impl.SEQUENTIAL, 0);
            float[][] chunked = in.outputAndGradients(m, Impl.CHUNKED, chunk);
            String[] names = {"y", "du", "ddelta", "da", "db", "dc", "dd"};
            for (int k = 0; k < loop.length; k++) {
                assertClose(loop[k], chunked[k], names[k]);
            }
        }
    }

    @Test
    void largeStepsThatUnderflowTheDecayStayFinite() {
        // Δ·A down to about −400: exp underflows to 0 within a chunk, where a log-space prefix sum divides by 0
        Inputs in = new Inputs(new Random(3), 16, 100);
        try (NDManager m = NDManager.newBaseManager()) {
            float[][] loop = in.outputAndGradients(m, Impl.SEQUENTIAL, 0);
            float[][] chunked = in.outputAndGradients(m, Impl.CHUNKED, 4);
            for (int k = 0; k < loop.length; k++) {
                for (float v : chunked[k]) {
                    assertTrue(Float.isFinite(v), "finite");
                }
                assertClose(loop[k], chunked[k], "result " + k);
            }
        }
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-5 + 1e-4 * Math.abs(expected[i]);
            assertEquals(expected[i], actual[i], tol, what + " at " + i);
        }
    }

    private enum Impl { DEVICE_CHOICE, CHUNKED, SEQUENTIAL }

    /** Random scan inputs with steps Δ in [0.05, 0.05 + deltaRange). */
    private static final class Inputs {
        final int length;
        final float[] u;
        final float[] delta;
        final float[] a;
        final float[] b;
        final float[] c;
        final float[] d;
        final float[] upstream;

        Inputs(Random random, int length, double deltaRange) {
            this.length = length;
            u = gaussian(random, BATCH * length * INNER);
            delta = new float[BATCH * length * INNER];
            for (int i = 0; i < delta.length; i++) {
                delta[i] = (float) (0.05 + random.nextDouble() * deltaRange);
            }
            a = new float[INNER * STATE];
            for (int i = 0; i < a.length; i++) {
                a[i] = -(0.5f + random.nextFloat() * 3);
            }
            b = gaussian(random, BATCH * length * STATE);
            c = gaussian(random, BATCH * length * STATE);
            d = gaussian(random, INNER);
            upstream = gaussian(random, BATCH * length * INNER);
        }

        /** x_t = exp(Δ_t A) x_{t−1} + Δ_t B_t u_t, y_t = C_t x_t + D u_t in doubles. */
        double[] reference() {
            double[] y = new double[u.length];
            for (int bi = 0; bi < BATCH; bi++) {
                for (int ch = 0; ch < INNER; ch++) {
                    double[] x = new double[STATE];
                    for (int t = 0; t < length; t++) {
                        int at = (bi * length + t) * INNER + ch;
                        int bt = (bi * length + t) * STATE;
                        double out = d[ch] * u[at];
                        for (int s = 0; s < STATE; s++) {
                            x[s] = Math.exp(delta[at] * a[ch * STATE + s]) * x[s] + delta[at] * b[bt + s] * u[at];
                            out += c[bt + s] * x[s];
                        }
                        y[at] = out;
                    }
                }
            }
            return y;
        }

        NDArray run(NDManager m, Impl impl, int chunk) {
            return run(impl, chunk, arrays(m));
        }

        private static NDArray run(Impl impl, int chunk, NDArray[] x) {
            return switch (impl) {
                case DEVICE_CHOICE -> SelectiveScan.scan(x[0], x[1], x[2], x[3], x[4], x[5]);
                case CHUNKED -> SelectiveScan.chunked(x[0], x[1], x[2], x[3], x[4], x[5], chunk);
                case SEQUENTIAL -> SelectiveScan.sequential(x[0], x[1], x[2], x[3], x[4], x[5]);
            };
        }

        /** The output, then the gradients of Σ y ⊙ upstream with respect to u, Δ, A, B, C and D. */
        float[][] outputAndGradients(NDManager m, Impl impl, int chunk) {
            NDArray[] x = arrays(m);
            for (NDArray v : x) {
                v.setRequiresGradient(true);
            }
            float[][] result = new float[x.length + 1][];
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = run(impl, chunk, x);
                result[0] = y.toFloatArray();
                gc.backward(y.mul(m.create(upstream, y.getShape())).sum());
            }
            for (int k = 0; k < x.length; k++) {
                result[k + 1] = x[k].getGradient().toFloatArray();
            }
            return result;
        }

        private NDArray[] arrays(NDManager m) {
            return new NDArray[] {m.create(u, new Shape(BATCH, length, INNER)),
                m.create(delta, new Shape(BATCH, length, INNER)), m.create(a, new Shape(INNER, STATE)),
                m.create(b, new Shape(BATCH, length, STATE)), m.create(c, new Shape(BATCH, length, STATE)),
                m.create(d)};
        }

        private static float[] gaussian(Random random, int size) {
            float[] v = new float[size];
            for (int i = 0; i < size; i++) {
                v[i] = (float) random.nextGaussian();
            }
            return v;
        }
    }
}
