package dev.tensorloom.execution.op.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.execution.op.FamilyTestHarness;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S4dOpTest {
    private static final int BATCH = 2;
    private static final int LENGTH = 24;
    private static final int CHANNELS = 3;
    private static final int STATE = 8;

    @ParameterizedTest
    @ValueSource(strings = {"lin", "legs"})
    void convolutionEqualsTheSequentialRecurrence(String init) {
        Map<String, Object> params = Map.of("d_model", (long) CHANNELS, "state", (long) STATE, "init", init,
                "dt_min", 0.01, "dt_max", 0.5);
        try (FamilyTestHarness h = new FamilyTestHarness("s4d", params)) {
            h.init(new Shape(BATCH, LENGTH, CHANNELS));
            float[] u = new float[BATCH * LENGTH * CHANNELS];
            Random random = new Random(9);
            for (int i = 0; i < u.length; i++) {
                u[i] = (float) random.nextGaussian();
            }
            NDArray out = h.forward(h.manager().create(u, new Shape(BATCH, LENGTH, CHANNELS))).singletonOrThrow();
            assertEquals(new Shape(BATCH, LENGTH, CHANNELS), out.getShape());
            float[] y = out.toFloatArray();
            double[] expected = recurrence(h, u);
            for (int i = 0; i < y.length; i++) {
                assertEquals(expected[i], y[i], 1e-4, "element " + i);
            }
        }
    }

    /**
     * x_k = Ā x_{k−1} + B̄ u_k, y_k = 2·Re(Σ C x_k) + D u_k per channel and mode, in double, with
     * Ā = exp(ΔA) and B̄ = (Ā − 1)/A · B (zero-order hold).
     */
    private static double[] recurrence(FamilyTestHarness h, float[] u) {
        float[] logDt = h.param("log_dt").toFloatArray();
        float[] logARe = h.param("log_a_real").toFloatArray();
        float[] aIm = h.param("a_imag").toFloatArray();
        float[] cRe = h.param("c_re").toFloatArray();
        float[] cIm = h.param("c_im").toFloatArray();
        float[] d = h.param("d").toFloatArray();
        float[] bRe = h.buffer("b_re").toFloatArray();
        float[] bIm = h.buffer("b_im").toFloatArray();
        int modes = STATE / 2;
        double[] y = new double[u.length];
        for (int b = 0; b < BATCH; b++) {
            for (int ch = 0; ch < CHANNELS; ch++) {
                double dt = Math.exp(logDt[ch]);
                for (int m = 0; m < modes; m++) {
                    int i = ch * modes + m;
                    double ar = -Math.exp(logARe[i]);
                    double ai = aIm[i];
                    double mag = Math.exp(dt * ar);
                    double barRe = mag * Math.cos(dt * ai);
                    double barIm = mag * Math.sin(dt * ai);
                    // (Ā − 1) / A
                    double den = ar * ar + ai * ai;
                    double qr = ((barRe - 1) * ar + barIm * ai) / den;
                    double qi = (barIm * ar - (barRe - 1) * ai) / den;
                    double bbRe = qr * bRe[m] - qi * bIm[m];
                    double bbIm = qr * bIm[m] + qi * bRe[m];
                    double xr = 0;
                    double xi = 0;
                    for (int k = 0; k < LENGTH; k++) {
                        double uk = u[(b * LENGTH + k) * CHANNELS + ch];
                        double nr = barRe * xr - barIm * xi + bbRe * uk;
                        double ni = barRe * xi + barIm * xr + bbIm * uk;
                        xr = nr;
                        xi = ni;
                        y[(b * LENGTH + k) * CHANNELS + ch] += 2 * (cRe[i] * xr - cIm[i] * xi);
                    }
                }
                for (int k = 0; k < LENGTH; k++) {
                    int at = (b * LENGTH + k) * CHANNELS + ch;
                    y[at] += d[ch] * u[at];
                }
            }
        }
        return y;
    }
}
