package dev.tensorloom.execution.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanarDensitiesTest {
    private static final DatasetRegistry REGISTRY = DatasetRegistry.standard();
    private static final int N = 20_000;

    @Test
    void twoMoonsHaveTheirAnalyticMeansAndAreStandardised() {
        HostBatch b = REGISTRY.open("two-moons", Map.of("noise", 0.05), 2).next(N);
        float[] x = b.get("x").floats();
        long[] label = b.get("label").longs();
        double[][] sum = new double[2][2];
        int[] count = new int[2];
        double[] all = new double[2];
        double[] sq = new double[2];
        for (int i = 0; i < N; i++) {
            int m = (int) label[i];
            count[m]++;
            for (int c = 0; c < 2; c++) {
                sum[m][c] += x[2 * i + c];
                all[c] += x[2 * i + c];
                sq[c] += x[2 * i + c] * x[2 * i + c];
            }
        }
        // Raw moon means: upper (0, 2/pi), lower (1, 1/2 - 2/pi); standardised with mean (1/2, 1/4).
        double sx = Math.sqrt(0.75);
        double sy = Math.sqrt((1.25 - 2 / Math.PI) / 2 - 1.0 / 16);
        double[][] expected = {{-0.5 / sx, (2 / Math.PI - 0.25) / sy}, {0.5 / sx, (0.25 - 2 / Math.PI) / sy}};
        for (int m = 0; m < 2; m++) {
            assertEquals(0.5, count[m] / (double) N, 0.02);
            assertEquals(expected[m][0], sum[m][0] / count[m], 0.03, "moon " + m + " x");
            assertEquals(expected[m][1], sum[m][1] / count[m], 0.03, "moon " + m + " y");
        }
        for (int c = 0; c < 2; c++) {
            double mean = all[c] / N;
            assertEquals(0, mean, 0.03);
            assertEquals(1, Math.sqrt(sq[c] / N - mean * mean), 0.03);
        }
    }

    @Test
    void twoMoonsPointsLieNearTheirArcs() {
        TwoMoons moons = new TwoMoons(0);
        DataRandom r = new DataRandom(5);
        double[] xy = new double[2];
        for (int i = 0; i < 1000; i++) {
            int m = moons.sample(r, xy);
            double x = xy[0] * TwoMoons.STD_X + TwoMoons.MEAN_X;
            double y = xy[1] * TwoMoons.STD_Y + TwoMoons.MEAN_Y;
            double cx = m == 0 ? 0 : 1;
            double cy = m == 0 ? 0 : 0.5;
            assertEquals(1, Math.hypot(x - cx, y - cy), 1e-9, "on the unit circle");
            assertTrue(m == 0 ? y >= -1e-9 : y <= 0.5 + 1e-9, "on the right half");
        }
    }

    @Test
    void eightGaussiansClusterAroundTheirCentres() {
        HostBatch b = REGISTRY.open("eight-gaussians", Map.of(), 3).next(N);
        float[] x = b.get("x").floats();
        long[] label = b.get("label").longs();
        double[][] sum = new double[8][2];
        int[] count = new int[8];
        double var = 0;
        for (int i = 0; i < N; i++) {
            int k = (int) label[i];
            double a = 2 * Math.PI * k / 8;
            double dx = x[2 * i] - 2 * Math.cos(a);
            double dy = x[2 * i + 1] - 2 * Math.sin(a);
            count[k]++;
            sum[k][0] += dx;
            sum[k][1] += dy;
            var += dx * dx + dy * dy;
        }
        for (int k = 0; k < 8; k++) {
            assertEquals(N / 8.0, count[k], N * 0.02);
            assertEquals(0, sum[k][0] / count[k], 0.02);
            assertEquals(0, sum[k][1] / count[k], 0.02);
        }
        assertEquals(0.2, Math.sqrt(var / (2 * N)), 0.005, "per-coordinate std");
    }

    @Test
    void checkerboardPointsLandOnlyOnBlackSquaresAndCoverAllOfThem() {
        HostBatch b = REGISTRY.open("checkerboard", Map.of(), 4).next(N);
        float[] x = b.get("x").floats();
        int[] perSquare = new int[16];
        for (int i = 0; i < N; i++) {
            double px = x[2 * i];
            double py = x[2 * i + 1];
            int col = (int) Math.floor(px / 2) + 2;
            int row = (int) Math.floor(py / 2) + 2;
            assertTrue(col >= 0 && col < 4 && row >= 0 && row < 4, "inside the board");
            assertEquals(0, (col + row) % 2, "black square at " + px + ", " + py);
            assertTrue(Checkerboard.isBlack(px, py));
            perSquare[row * 4 + col]++;
        }
        int black = 0;
        for (int s = 0; s < 16; s++) {
            if (perSquare[s] > 0) {
                black++;
                assertEquals(N / 8.0, perSquare[s], N * 0.02, "uniform over the 8 black squares");
            }
        }
        assertEquals(8, black);
        assertEquals(false, Checkerboard.isBlack(-3, -1));
        assertEquals(true, Checkerboard.isBlack(-3, -3));
    }
}
