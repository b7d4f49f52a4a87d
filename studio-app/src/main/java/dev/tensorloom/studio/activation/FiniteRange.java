package dev.tensorloom.studio.activation;

/**
 * The smallest and largest finite value over some previews, for a colour scale that NaN and infinity
 * do not stretch.
 *
 * @param lo the smallest finite value
 * @param hi the largest finite value
 */
record FiniteRange(double lo, double hi) {

    /** The range of the finite values in {@code arrays}, or {@code fallback} when there is none. */
    static FiniteRange of(FiniteRange fallback, float[]... arrays) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float[] values : arrays) {
            for (float v : values) {
                if (Float.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo > hi ? fallback : new FiniteRange(lo, hi);
    }
}
