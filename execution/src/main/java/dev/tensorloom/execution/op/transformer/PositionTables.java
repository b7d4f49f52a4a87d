package dev.tensorloom.execution.op.transformer;

/** Fixed sin-cos position tables, computed in double and stored row-major as float. */
public final class PositionTables {
    private static final double BASE = 10000.0;

    private PositionTables() {
    }

    /**
     * Vaswani et al.: PE[p, 2i] = sin(p / 10000^(2i/D)), PE[p, 2i+1] = cos(p / 10000^(2i/D));
     * returns a [length, width] table.
     */
    public static float[] sinusoidal(int length, int width) {
        float[] table = new float[length * width];
        for (int p = 0; p < length; p++) {
            for (int c = 0; c < width; c++) {
                int pairStart = c - c % 2;
                double angle = p / Math.pow(BASE, pairStart / (double) width);
                table[p * width + c] = (float) (c % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return table;
    }

    /**
     * The 2-D table of MAE and DiT for tokens in row-major order on a gridH × gridW grid: channels
     * [0, D/2) embed the row and [D/2, D) the column, each half as a 1-D embedding whose first
     * quarter is sin(pos·ω_i) and second quarter cos(pos·ω_i), ω_i = 10000^(−i/(D/4)). Returns
     * [gridH·gridW, width]; width must be divisible by 4.
     */
    public static float[] sinCos2d(int gridH, int gridW, int width) {
        if (width % 4 != 0) {
            throw new IllegalArgumentException("2-D sin-cos positions need a width divisible by 4, got " + width);
        }
        int quarter = width / 4;
        float[] table = new float[gridH * gridW * width];
        for (int r = 0; r < gridH; r++) {
            for (int c = 0; c < gridW; c++) {
                int row = (r * gridW + c) * width;
                for (int i = 0; i < quarter; i++) {
                    double omega = Math.pow(BASE, -i / (double) quarter);
                    table[row + i] = (float) Math.sin(r * omega);
                    table[row + quarter + i] = (float) Math.cos(r * omega);
                    table[row + 2 * quarter + i] = (float) Math.sin(c * omega);
                    table[row + 3 * quarter + i] = (float) Math.cos(c * omega);
                }
            }
        }
        return table;
    }
}
