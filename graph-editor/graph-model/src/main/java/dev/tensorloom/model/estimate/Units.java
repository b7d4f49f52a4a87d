package dev.tensorloom.model.estimate;

import java.util.Locale;

/**
 * Human formatting of counts: parameters and FLOPs with decimal prefixes ({@code 1.2 M params},
 * {@code 38.5 MFLOP}), bytes with binary prefixes ({@code 12.3 MiB}). One decimal once a prefix applies.
 */
public final class Units {
    private static final String[] DECIMAL = {"", "k", "M", "G", "T", "P", "E"};
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Units() {
    }

    /** {@code 532 params}, {@code 1 param}, {@code 12.5 k params}, {@code 1.2 M params}. */
    public static String params(long count) {
        if (Math.abs(count) < 1000) {
            return count + (count == 1 ? " param" : " params");
        }
        return scaled(count, 1000, DECIMAL, " ") + " params";
    }

    /** {@code 950 FLOP}, {@code 38.5 MFLOP}, {@code 1.2 GFLOP}. */
    public static String flops(double count) {
        if (Math.abs(count) < 1000) {
            return Math.round(count) + " FLOP";
        }
        return scaled(count, 1000, DECIMAL, " ") + "FLOP";
    }

    /** {@code 512 B}, {@code 1.5 KiB}, {@code 12.3 MiB}. */
    public static String bytes(long count) {
        if (Math.abs(count) < 1024) {
            return count + " B";
        }
        return scaled(count, 1024, BINARY, " ");
    }

    /**
     * Scales into the largest unit that keeps the value at least 1, with one decimal, moving up a unit
     * when rounding reaches the base (so 999,960 prints as 1.0 M, not 1000.0 k).
     */
    private static String scaled(double value, double base, String[] units, String sep) {
        int unit = 0;
        double v = value;
        while (Math.abs(v) >= base && unit < units.length - 1) {
            v /= base;
            unit++;
        }
        if (Math.round(Math.abs(v) * 10) >= base * 10 && unit < units.length - 1) {
            v /= base;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f", v) + sep + units[unit];
    }
}
