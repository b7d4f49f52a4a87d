package dev.tensorloom.studio.activation;

import dev.tensorloom.execution.session.Preview;

/**
 * A preview ready to paint: its values and the finite range the colour map spans. Non-finite values
 * are left out of the range so one NaN does not wash out the picture.
 */
public record Heatmap(int rows, int cols, float[] values, double min, double max, String caption) {

    public static Heatmap of(Preview p, String caption) {
        FiniteRange r = FiniteRange.of(new FiniteRange(0, 0), p.values());
        return new Heatmap(p.rows(), p.cols(), p.values().clone(), r.lo(), r.hi(), caption);
    }

    /** A preview painted over a fixed range (values outside it saturate), to compare several pictures. */
    public static Heatmap withRange(Preview p, double min, double max, String caption) {
        return new Heatmap(p.rows(), p.cols(), p.values().clone(), min, max, caption);
    }

    /** Where value {@code v} sits in the range, 0..1 (0.5 when the range is empty; NaN for non-finite). */
    public double position(float v) {
        if (!Float.isFinite(v)) {
            return Double.NaN;
        }
        return max > min ? Math.min(1, Math.max(0, (v - min) / (max - min))) : 0.5;
    }
}
