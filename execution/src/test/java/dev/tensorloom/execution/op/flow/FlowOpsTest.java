package dev.tensorloom.execution.op.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.tensorloom.execution.op.FamilyTestHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FlowOpsTest {
    private static final int BATCH = 3;

    static List<Arguments> flows() {
        List<Arguments> cases = new ArrayList<>();
        for (String type : List.of("additive_coupling", "affine_coupling", "actnorm", "reverse_perm", "diag_scale")) {
            for (int d = 2; d <= 4; d++) {
                cases.add(Arguments.of(type, d, d % 2 == 0 ? "even" : "odd"));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} D={1} mask={2}")
    @MethodSource("flows")
    void inverseUndoesForward(String type, int d, String mask) {
        try (FamilyTestHarness h = harness(type, d, mask)) {
            NDArray x = input(h.manager(), d, 11);
            NDArray z = h.forward(x).get(0);
            NDArray back = ((InvertibleOp) h.op()).inverse(h, z);
            assertTrue(back.sub(x).abs().max().getFloat() <= 1e-5, () -> "round trip error " + back.sub(x));
            if (!type.equals("reverse_perm")) {
                assertTrue(z.sub(x).abs().max().getFloat() > 1e-3, "randomised flow should not be the identity");
            }
        }
    }

    @ParameterizedTest(name = "{0} D={1} mask={2}")
    @MethodSource("flows")
    void logdetIsLogAbsDeterminantOfTheJacobian(String type, int d, String mask) {
        try (FamilyTestHarness h = harness(type, d, mask)) {
            NDArray x = input(h.manager(), d, 5);
            float[] logdet = h.forward(x).get(1).toFloatArray();
            assertEquals(BATCH, logdet.length);
            double[][][] jac = jacobian(h, x, d);
            for (int b = 0; b < BATCH; b++) {
                assertEquals(logAbsDet(jac[b]), logdet[b], 1e-4, "example " + b);
            }
        }
    }

    /** J[b][j][i] = ∂z_j/∂x_i for example b, one backward pass per output feature. */
    private static double[][][] jacobian(FamilyTestHarness h, NDArray x, int d) {
        double[][][] jac = new double[BATCH][d][d];
        for (int j = 0; j < d; j++) {
            NDArray xi = x.duplicate();
            xi.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList out = h.forward(xi);
                gc.backward(out.get(0).get(new NDIndex(":, {}", j)).sum());
            }
            float[] g = xi.getGradient().toFloatArray();
            for (int b = 0; b < BATCH; b++) {
                for (int i = 0; i < d; i++) {
                    jac[b][j][i] = g[b * d + i];
                }
            }
        }
        return jac;
    }

    /** log|det A| by Gaussian elimination with partial pivoting, in double. */
    static double logAbsDet(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        double sum = 0;
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            sum += Math.log(Math.abs(a[c][c]));
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < n; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        return sum;
    }

    private static FamilyTestHarness harness(String type, int d, String mask) {
        Map<String, Object> params = type.endsWith("coupling")
                ? Map.of("d", (long) d, "hidden", 8L, "layers", 2L, "mask", mask) : Map.of();
        FamilyTestHarness h = new FamilyTestHarness(type, params);
        h.init(new Shape(BATCH, d));
        // fresh flows start as the identity; random parameters make the checks meaningful
        Random random = new Random(d * 31L + type.length());
        for (Map.Entry<String, NDArray> p : new ArrayList<>(h.parameters().entrySet())) {
            float[] v = new float[(int) p.getValue().size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (random.nextGaussian() * 0.7);
            }
            h.set(p.getKey(), h.manager().create(v, p.getValue().getShape()));
        }
        return h;
    }

    private static NDArray input(NDManager m, int d, long seed) {
        Random random = new Random(seed);
        float[] v = new float[BATCH * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return m.create(v, new Shape(BATCH, d));
    }
}
