package dev.tensorloom.studio.activation;

/**
 * A perceptual colour map for pixel data (a 5-stop approximation of viridis), computed in code
 * because heatmap pixels are data, not styling. Non-finite values paint magenta so they stand out.
 */
final class ColorMap {
    private static final int[][] STOPS = {
        {68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37},
    };
    private static final int NON_FINITE = 0xFFFF00FF;

    private ColorMap() {
    }

    /** Grey levels, black at 0 and white at 1, for pictures that are images (magenta when non-finite). */
    static int grey(double t) {
        if (Double.isNaN(t)) {
            return NON_FINITE;
        }
        int v = (int) Math.round(255 * Math.min(1, Math.max(0, t)));
        return 0xFF000000 | v << 16 | v << 8 | v;
    }

    /** ARGB for position {@code t} in 0..1 (NaN for a non-finite value). */
    static int argb(double t) {
        if (Double.isNaN(t)) {
            return NON_FINITE;
        }
        double x = Math.min(1, Math.max(0, t)) * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) x);
        double f = x - i;
        int r = (int) Math.round(STOPS[i][0] + f * (STOPS[i + 1][0] - STOPS[i][0]));
        int g = (int) Math.round(STOPS[i][1] + f * (STOPS[i + 1][1] - STOPS[i][1]));
        int b = (int) Math.round(STOPS[i][2] + f * (STOPS[i + 1][2] - STOPS[i][2]));
        return 0xFF000000 | r << 16 | g << 8 | b;
    }
}
