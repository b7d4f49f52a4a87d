package dev.tensorloom.execution.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GaussianFitTest {

    @Test
    void fitsMeanAndBiasedCovarianceOfAWorkedExample() {
        // points (0,0), (2,0), (0,2), (2,2), (1,1): mean (1,1); Σ = diag(0.8, 0.8), no correlation
        float[] points = {0, 0, 2, 0, 0, 2, 2, 2, 1, 1};
        GaussianFit fit = GaussianFit.of(points, 2);
        assertArrayEquals(new double[] {1, 1}, fit.mean(), 1e-12);
        double[][] cov = fit.covariance();
        assertEquals(0.8, cov[0][0], 1e-12);
        assertEquals(0.8, cov[1][1], 1e-12);
        assertEquals(0.0, cov[0][1], 1e-12);
    }

    @Test
    void negativeLogDensityMatchesTheClosedFormWithCorrelation() {
        // points on a tilted cloud: Σ = [[a, c], [c, b]]
        float[] points = {0, 0, 1, 2, 2, 1, 3, 3, -1, 0, 1, -1};
        GaussianFit fit = GaussianFit.of(points, 2);
        double[][] s = fit.covariance();
        double[] mu = fit.mean();
        double det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
        float[] x = {2.5f, -0.5f};
        double dx = x[0] - mu[0];
        double dy = x[1] - mu[1];
        double quad = (s[1][1] * dx * dx - 2 * s[0][1] * dx * dy + s[0][0] * dy * dy) / det;
        double expected = 0.5 * quad + 0.5 * Math.log(det) + Math.log(2 * Math.PI);
        assertEquals(expected, fit.nll(x, 0), 1e-9);
    }

    @Test
    void degenerateDataIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> GaussianFit.of(new float[] {1, 1, 2, 2, 3, 3}, 2));
        assertThrows(IllegalArgumentException.class, () -> GaussianFit.of(new float[] {1, 1}, 2));
    }
}
