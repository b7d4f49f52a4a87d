package dev.tensorloom.execution.train;

/**
 * A held-out figure with its 95% interval and the number of independent examples (sequences, images,
 * figures, pairs, samples) it rests on. The interval is NaN-bounded when it could not be formed.
 *
 * @param value    the figure itself
 * @param low95    lower end of the 95% interval
 * @param high95   upper end of the 95% interval
 * @param examples how many independent examples were scored
 */
public record Estimate(double value, double low95, double high95, long examples) {
    /** z of the two-sided 95% normal interval. */
    public static final double Z95 = 1.959963984540054;

    /** A figure that has no interval. */
    public static Estimate pointOnly(double value, long examples) {
        return new Estimate(value, Double.NaN, Double.NaN, examples);
    }

    /** The interval as text, such as {@code 0.975–0.986}; empty when there is none. */
    public String intervalText(String format) {
        if (Double.isNaN(low95) || Double.isNaN(high95)) {
            return "";
        }
        return String.format(format, low95) + "–" + String.format(format, high95);
    }
}
