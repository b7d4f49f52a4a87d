package dev.tensorloom.execution.data;

import dev.tensorloom.model.shape.DType;
import java.util.List;
import java.util.Objects;

/**
 * Which CSV columns make one dataset field: float32 {@code [B, k]} from k columns, or a single column
 * as {@code [B]} (float32 values or int64 class labels). Float columns may be normalized to mean 0 and
 * standard deviation 1 over the file (DJL's normalized numeric featurizer).
 */
public record CsvField(DType dtype, List<String> columns, boolean scalar, boolean normalized) {
    public CsvField {
        Objects.requireNonNull(dtype, "dtype");
        columns = List.copyOf(columns);
        if (columns.isEmpty() || scalar && columns.size() != 1 || dtype == DType.ANY) {
            throw new IllegalArgumentException("a field needs one or more columns (exactly one when scalar) "
                    + "and dtype float32 or int64");
        }
        if (normalized && dtype != DType.FLOAT32) {
            throw new IllegalArgumentException("only float32 fields can be normalized");
        }
    }

    public CsvField(DType dtype, List<String> columns, boolean scalar) {
        this(dtype, columns, scalar, false);
    }

    /** float32 [B, k] from these columns, in this order. */
    public static CsvField floats(String... columns) {
        return new CsvField(DType.FLOAT32, List.of(columns), false);
    }

    /** float32 [B] from one column. */
    public static CsvField scalar(String column) {
        return new CsvField(DType.FLOAT32, List.of(column), true);
    }

    /** int64 [B] class labels from one column of whole numbers. */
    public static CsvField labels(String column) {
        return new CsvField(DType.INT64, List.of(column), true);
    }

    /** The same columns, each normalized to mean 0 and standard deviation 1 over the file. */
    public CsvField normalize() {
        return new CsvField(dtype, columns, scalar, true);
    }

    /** The field's spec under {@code name}. */
    FieldSpec spec(String name) {
        String meaning = "CSV column" + (columns.size() > 1 ? "s " : " ") + String.join(", ", columns)
                + (normalized ? ", normalized" : "");
        return scalar ? FieldSpec.of(name, dtype, meaning) : FieldSpec.of(name, dtype, meaning, columns.size());
    }
}
