package dev.tensorloom.studio.memory;

import java.util.Locale;

/** Values plotted as their base-2 logarithm on a {@link LogAxis}, and the labels of its ticks. */
final class LogScale {
    private LogScale() {
    }

    static double toAxis(double value) {
        return Math.log(value) / Math.log(2);
    }

    static double fromAxis(double axis) {
        return Math.pow(2, axis);
    }

    /** The label of a step-time ratio: ×1, ×1.5, ×20. */
    static String ratio(double v) {
        return "×" + significant(v);
    }

    /** The label of a size in MiB: 0.25 MiB shows as 256 KiB. */
    static String mib(double v) {
        return v < 1 ? significant(v * 1024) + " KiB" : significant(v) + " MiB";
    }

    /** Two significant digits, no trailing zeros: 1.4, 12, 160. */
    static String significant(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        String text = v >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2g", v);
        if (text.contains(".")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text;
    }
}
