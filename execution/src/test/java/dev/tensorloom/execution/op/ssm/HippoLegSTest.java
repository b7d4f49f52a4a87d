package dev.tensorloom.execution.op.ssm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HippoLegSTest {
    @Test
    void matrixAndInputFollowTheLegSFormula() {
        int n = 6;
        double[][] a = HippoLegS.matrix(n);
        double[] b = HippoLegS.inputVector(n);
        for (int i = 0; i < n; i++) {
            assertEquals(Math.sqrt(2 * i + 1), b[i], 1e-12);
            for (int k = 0; k < n; k++) {
                double expected = i > k ? -Math.sqrt(2 * i + 1) * Math.sqrt(2 * k + 1) : i == k ? -(i + 1) : 0;
                assertEquals(expected, a[i][k], 1e-12, "A[" + i + "][" + k + "]");
            }
        }
        assertEquals(-Math.sqrt(15), a[2][1], 1e-12);
        assertEquals(-3, a[2][2], 1e-12);
    }

    @Test
    void normalPartIsMinusHalfPlusSkew() {
        double[][] s = HippoLegS.skewPart(8);
        for (int i = 0; i < 8; i++) {
            assertEquals(0, s[i][i], 1e-12);
            for (int k = 0; k < 8; k++) {
                assertEquals(-s[k][i], s[i][k], 1e-12);
            }
        }
    }

    @Test
    void modesAreEigenpairsOfTheNormalPart() {
        int n = 8;
        double[][] an = HippoLegS.skewPart(n);
        for (int i = 0; i < n; i++) {
            an[i][i] -= 0.5;
        }
        double[][] s = HippoLegS.skewPart(n);
        HippoLegS.Mode[] modes = HippoLegS.diagonalModes(n);
        assertEquals(n / 2, modes.length);
        double traceOfSquares = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                traceOfSquares += s[i][k] * s[i][k];
            }
        }
        double omegaSquares = 0;
        for (HippoLegS.Mode mode : modes) {
            assertEquals(-0.5, mode.re(), 1e-12);
            assertTrue(mode.im() > 0);
            omegaSquares += 2 * mode.im() * mode.im();
        }
        // ‖S‖_F² = Σ over all 2·(n/2) eigenvalues of |iω|²
        assertEquals(traceOfSquares, omegaSquares, 1e-6 * traceOfSquares);
        // |v* B|² summed over both members of every pair equals ‖B‖² (V is unitary)
        double projected = 0;
        for (HippoLegS.Mode mode : modes) {
            projected += 2 * (mode.bRe() * mode.bRe() + mode.bIm() * mode.bIm());
        }
        double norm = 0;
        for (double v : HippoLegS.inputVector(n)) {
            norm += v * v;
        }
        assertEquals(norm, projected, 1e-8 * norm);
    }
}
