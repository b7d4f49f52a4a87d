package dev.tensorloom.studio.inspector;

import dev.tensorloom.model.catalog.ParamSpec;
import java.util.List;
import java.util.Optional;

/**
 * Turns what an editor produced into a value the parameter accepts: whole numbers become
 * {@link Long}, numbers {@link Double}, and both are clamped into the schema's range, so an editor
 * can never store an out-of-range value.
 */
public final class ParamCoercion {
    private ParamCoercion() {
    }

    /** The accepted value, or empty when the input cannot be one (wrong kind, unknown choice). */
    public static Optional<Object> coerce(ParamSpec spec, Object raw) {
        Object value = switch (spec.type()) {
            case INT -> {
                Double n = number(raw);
                yield n == null || n.isNaN() ? null : (Object) (long) clamp(spec, Math.rint(n));
            }
            case FLOAT -> {
                Double n = number(raw);
                yield n == null ? null : (Object) clamp(spec, n);
            }
            case INT_LIST -> raw instanceof String s ? parseList(s) : raw;
            default -> raw;
        };
        return value != null && spec.check(value).isEmpty() ? Optional.of(value) : Optional.empty();
    }

    private static Double number(Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return raw == null ? null : Double.parseDouble(raw.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double clamp(ParamSpec spec, double v) {
        double lo = spec.min() == null ? Double.NEGATIVE_INFINITY : spec.min();
        double hi = spec.max() == null ? Double.POSITIVE_INFINITY : spec.max();
        return Math.max(lo, Math.min(hi, v));
    }

    /** "3, 3" or "[3, 3]" to a list of longs. */
    private static Object parseList(String text) {
        String body = text.trim().replaceAll("^\\[|]$", "").trim();
        if (body.isEmpty()) {
            return List.of();
        }
        try {
            return java.util.Arrays.stream(body.split("[,\\s]+")).map(Long::parseLong).toList();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
