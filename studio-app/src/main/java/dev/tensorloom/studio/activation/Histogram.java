package dev.tensorloom.studio.activation;

/** Counts of the finite values of a preview in equal-width bins over [min, max]. */
public record Histogram(double min, double max, long[] counts) {

    public static Histogram of(float[] values, int bins) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        long[] counts = new long[bins];
        if (lo > hi) {
            return new Histogram(0, 0, counts);
        }
        double width = (hi - lo) / bins;
        for (float v : values) {
            if (Float.isFinite(v)) {
                int b = width == 0 ? 0 : (int) Math.min(bins - 1, Math.floor((v - lo) / width));
                counts[b]++;
            }
        }
        return new Histogram(lo, hi, counts);
    }

    /** The centre of bin {@code b}. */
    public double centre(int b) {
        return min + (max - min) * (b + 0.5) / counts.length;
    }
}
