package dev.tensorloom.execution.op;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import java.util.function.ToDoubleFunction;

/** Central finite differences and array comparisons for the op tests. */
final class CoreFiniteDifferences {
    private CoreFiniteDifferences() {
    }

    /** d loss / d at[i] by (loss(at + h·e_i) − loss(at − h·e_i)) / 2h. */
    static double[] gradient(float[] at, ToDoubleFunction<float[]> loss, double h) {
        double[] grad = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            float[] plus = at.clone();
            float[] minus = at.clone();
            plus[i] += (float) h;
            minus[i] -= (float) h;
            grad[i] = (loss.applyAsDouble(plus) - loss.applyAsDouble(minus)) / (2 * h);
        }
        return grad;
    }

    /** sum(out · upstream) in double precision: the scalar whose gradient the tests check. */
    static double dot(NDArray out, float[] upstream) {
        float[] values = out.toFloatArray();
        double s = 0;
        for (int i = 0; i < values.length; i++) {
            s += (double) values[i] * upstream[i];
        }
        return s;
    }

    static void assertClose(double[] expected, float[] actual, double tolerance) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, "element " + i);
        }
    }

    static void assertClose(float[] expected, float[] actual, double tolerance) {
        double[] wide = new double[expected.length];
        for (int i = 0; i < expected.length; i++) {
            wide[i] = expected[i];
        }
        assertClose(wide, actual, tolerance);
    }

    /** Deterministic pseudo-random values in [-1, 1) for test inputs. */
    static float[] values(int n, int seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextFloat() * 2 - 1;
        }
        return v;
    }
}
