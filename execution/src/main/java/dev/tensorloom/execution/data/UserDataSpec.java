package dev.tensorloom.execution.data;

import dev.tensorloom.model.shape.DType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project's user data, written where a synthetic dataset id would go in the training config:
 * <ul>
 *   <li>{@code csv:data/houses.csv?features=area,rooms&label=price} — float32 field {@code x} [B, 2] from
 *       the feature columns and float32 {@code y} [B, 1] from the label columns; {@code classes=species}
 *       instead of {@code label} makes {@code y} int64 class indices [B]; {@code normalize=true} scales
 *       every feature column to mean 0 and standard deviation 1.</li>
 *   <li>{@code images:data/pets?size=32} (or {@code size=24x32}, height x width) — an image folder with
 *       fields {@code image} float32 [B, 3, H, W] and {@code label} int64 [B].</li>
 * </ul>
 * Both take {@code heldout=0.2}, the fraction kept for evaluation. Relative paths are resolved against
 * the project file's folder.
 *
 * @param kind     {@code csv} or {@code images}
 * @param path     the file or folder as written
 * @param mapping  CSV fields by name (empty for images)
 * @param height   image height (0 for CSV)
 * @param width    image width (0 for CSV)
 * @param heldOut  fraction of the examples held out for evaluation
 */
public record UserDataSpec(String kind, String path, Map<String, CsvField> mapping, int height, int width,
        double heldOut) {
    /** The CSV feature field. */
    public static final String FEATURES_FIELD = "x";
    /** The CSV label or class field. */
    public static final String LABEL_FIELD = "y";
    private static final double DEFAULT_HELD_OUT = 0.2;
    private static final List<String> CSV_OPTIONS = List.of("features", "label", "classes", "normalize", "heldout");
    private static final List<String> IMAGE_OPTIONS = List.of("size", "heldout");

    public UserDataSpec {
        mapping = Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
    }

    /** Whether {@code spec} names user data rather than a synthetic dataset. */
    public static boolean isUserData(String spec) {
        return spec.startsWith("csv:") || spec.startsWith("images:");
    }

    /** Parses a spec; a mistake is an {@link IllegalArgumentException} quoting the spec. */
    public static UserDataSpec parse(String spec) {
        int colon = spec.indexOf(':');
        int q = spec.indexOf('?');
        if (!isUserData(spec)) {
            throw bad(spec, "user data starts with csv: or images:");
        }
        String kind = spec.substring(0, colon);
        String path = (q < 0 ? spec.substring(colon + 1) : spec.substring(colon + 1, q)).trim();
        if (path.isEmpty()) {
            throw bad(spec, "no " + ("csv".equals(kind) ? "file" : "folder") + " after '" + kind + ":'");
        }
        Map<String, String> options = options(spec, q < 0 ? "" : spec.substring(q + 1),
                "csv".equals(kind) ? CSV_OPTIONS : IMAGE_OPTIONS);
        double heldOut = heldOut(spec, options.getOrDefault("heldout", String.valueOf(DEFAULT_HELD_OUT)));
        if ("csv".equals(kind)) {
            return new UserDataSpec(kind, path, csvMapping(spec, options), 0, 0, heldOut);
        }
        int[] size = size(spec, options.get("size"));
        return new UserDataSpec(kind, path, Map.of(), size[0], size[1], heldOut);
    }

    /** The fields in order (CSV: x, then y when mapped; images: image, label). */
    public List<String> fieldNames() {
        return "csv".equals(kind) ? List.copyOf(mapping.keySet()) : List.of("image", "label");
    }

    /** Opens the data, resolving a relative path against {@code folder}, with a seeded held-out split. */
    public TableBatchSource open(Path folder, long seed, int heldOutBatchSize) {
        Path p = folder.resolve(path).normalize();
        ExampleTable table = "csv".equals(kind) ? CsvDataset.read(p, mapping)
                : ImageFolderDataset.open(p, height, width);
        return new TableBatchSource(table, seed, heldOut, heldOutBatchSize);
    }

    private static Map<String, CsvField> csvMapping(String spec, Map<String, String> options) {
        String features = options.get("features");
        if (features == null) {
            throw bad(spec, "say which columns are features, e.g. ?features=area,rooms&label=price");
        }
        if (options.containsKey("label") && options.containsKey("classes")) {
            throw bad(spec, "give label (numbers to regress) or classes (class indices), not both");
        }
        boolean normalize = bool(spec, "normalize", options.getOrDefault("normalize", "false"));
        Map<String, CsvField> m = new LinkedHashMap<>();
        CsvField x = new CsvField(DType.FLOAT32, columns(spec, "features", features), false);
        m.put(FEATURES_FIELD, normalize ? x.normalize() : x);
        if (options.containsKey("label")) {
            m.put(LABEL_FIELD, new CsvField(DType.FLOAT32, columns(spec, "label", options.get("label")), false));
        } else if (options.containsKey("classes")) {
            List<String> c = columns(spec, "classes", options.get("classes"));
            if (c.size() != 1) {
                throw bad(spec, "classes takes one column, got " + c.size());
            }
            m.put(LABEL_FIELD, CsvField.labels(c.get(0)));
        }
        return m;
    }

    private static List<String> columns(String spec, String option, String text) {
        List<String> c = Arrays.stream(text.split(",", -1)).map(String::trim).toList();
        if (c.stream().anyMatch(String::isEmpty)) {
            throw bad(spec, option + " needs column names separated by commas, got '" + text + "'");
        }
        if (c.stream().distinct().count() != c.size()) {
            throw bad(spec, option + " names a column twice: '" + text + "'");
        }
        return c;
    }

    private static Map<String, String> options(String spec, String query, List<String> known) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query.isBlank()) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw bad(spec, "expected name=value, got '" + pair + "'");
            }
            String name = pair.substring(0, eq).trim();
            if (!known.contains(name)) {
                throw bad(spec, "unknown option '" + name + "' (options: " + String.join(", ", known) + ")");
            }
            if (out.put(name, pair.substring(eq + 1).trim()) != null) {
                throw bad(spec, "option '" + name + "' given twice");
            }
        }
        return out;
    }

    private static int[] size(String spec, String text) {
        if (text == null) {
            throw bad(spec, "say the image size, e.g. ?size=32 or ?size=24x32 (height x width)");
        }
        String[] parts = text.split("x", -1);
        try {
            int h = Integer.parseInt(parts[0].trim());
            int w = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : h;
            if (parts.length > 2 || h < 1 || w < 1) {
                throw new NumberFormatException();
            }
            return new int[] {h, w};
        } catch (NumberFormatException e) {
            throw bad(spec, "size must be N or HxW with positive whole numbers, got '" + text + "'");
        }
    }

    private static double heldOut(String spec, String text) {
        try {
            double f = Double.parseDouble(text);
            if (f >= 0 && f < 1) {
                return f;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw bad(spec, "heldout must be a fraction in [0, 1), got '" + text + "'");
    }

    private static boolean bool(String spec, String option, String text) {
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.parseBoolean(text);
        }
        throw bad(spec, option + " must be true or false, got '" + text + "'");
    }

    private static IllegalArgumentException bad(String spec, String problem) {
        return new IllegalArgumentException("dataset '" + spec + "': " + problem);
    }
}
