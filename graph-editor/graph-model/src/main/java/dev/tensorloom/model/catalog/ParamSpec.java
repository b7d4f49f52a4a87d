package dev.tensorloom.model.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One parameter of a block type: name, kind, default, allowed range or choices, and a one-line help
 * text shown in the inspector. Values are {@link Long} (INT), {@link Double} (FLOAT), {@link Boolean},
 * {@link String} (CHOICE, STRING) or a {@link List} of {@link Long} (INT_LIST).
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, Double min, Double max,
        List<String> choices, String help) {

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = choices == null ? List.of() : List.copyOf(choices);
        help = help == null ? "" : help;
    }

    public static ParamSpec integer(String name, long def, long min, long max, String help) {
        return new ParamSpec(name, ParamType.INT, def, (double) min, (double) max, null, help);
    }

    public static ParamSpec real(String name, double def, double min, double max, String help) {
        return new ParamSpec(name, ParamType.FLOAT, def, min, max, null, help);
    }

    public static ParamSpec bool(String name, boolean def, String help) {
        return new ParamSpec(name, ParamType.BOOL, def, null, null, null, help);
    }

    public static ParamSpec choice(String name, String def, List<String> choices, String help) {
        return new ParamSpec(name, ParamType.CHOICE, def, null, null, choices, help);
    }

    public static ParamSpec text(String name, String def, String help) {
        return new ParamSpec(name, ParamType.STRING, def, null, null, null, help);
    }

    public static ParamSpec intList(String name, List<Long> def, String help) {
        return new ParamSpec(name, ParamType.INT_LIST, List.copyOf(def), null, null, null, help);
    }

    /** Why {@code value} is not acceptable for this parameter, or empty when it is. */
    public Optional<String> check(Object value) {
        switch (type) {
            case INT -> {
                if (!(value instanceof Long || value instanceof Integer)) {
                    return Optional.of(name + " must be a whole number, got " + describe(value));
                }
                return range(((Number) value).doubleValue());
            }
            case FLOAT -> {
                if (!(value instanceof Number n)) {
                    return Optional.of(name + " must be a number, got " + describe(value));
                }
                if (!Double.isFinite(n.doubleValue())) {
                    return Optional.of(name + " must be finite, got " + value);
                }
                return range(n.doubleValue());
            }
            case BOOL -> {
                return value instanceof Boolean ? Optional.empty()
                        : Optional.of(name + " must be true or false, got " + describe(value));
            }
            case CHOICE -> {
                return value instanceof String s && choices.contains(s) ? Optional.empty()
                        : Optional.of(name + " must be one of " + choices + ", got " + describe(value));
            }
            case STRING -> {
                return value instanceof String ? Optional.empty()
                        : Optional.of(name + " must be text, got " + describe(value));
            }
            case INT_LIST -> {
                if (value instanceof List<?> list && list.stream().allMatch(v -> v instanceof Long || v instanceof Integer)) {
                    return Optional.empty();
                }
                return Optional.of(name + " must be a list of whole numbers, got " + describe(value));
            }
            default -> throw new IllegalStateException(type.toString());
        }
    }

    private Optional<String> range(double v) {
        if (min != null && v < min) {
            return Optional.of(name + " must be at least " + format(min) + ", got " + format(v));
        }
        if (max != null && v > max) {
            return Optional.of(name + " must be at most " + format(max) + ", got " + format(v));
        }
        return Optional.empty();
    }

    private String format(double v) {
        return type == ParamType.INT || v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        return value instanceof String s ? "'" + s + "'" : value.toString();
    }
}
