package dev.tensorloom.execution.data;

import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.Dim;
import dev.tensorloom.model.shape.TensorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A dataset field as an {@code input} block sees it: name, element type and symbolic shape whose first
 * dimension is the batch {@code B}, plus a one-line meaning.
 */
public record FieldSpec(String name, TensorType type, String description) {
    public FieldSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
    }

    /** A field of shape {@code [B, perExample...]}. */
    public static FieldSpec of(String name, DType dtype, String description, long... perExample) {
        List<Dim> dims = new ArrayList<>();
        dims.add(Dim.sym("B"));
        for (long d : perExample) {
            dims.add(Dim.of(d));
        }
        return new FieldSpec(name, new TensorType(dtype, dims), description);
    }

    public DType dtype() {
        return type.dtype();
    }

    /** The concrete shape of a batch of {@code batchSize} examples. */
    public long[] shape(long batchSize) {
        long[] s = new long[type.rank()];
        s[0] = batchSize;
        for (int i = 1; i < s.length; i++) {
            s[i] = type.dim(i).sizeOr(-1);
        }
        return s;
    }

    /** Whether {@code array} has this field's dtype and per-example dimensions. */
    public boolean matches(HostArray array) {
        if (array.dtype() != dtype() || array.rank() != type.rank()) {
            return false;
        }
        for (int i = 1; i < array.rank(); i++) {
            if (type.dim(i).isFixed() && type.dim(i).sizeOr(-1) != array.dim(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name + ": " + type.dtype() + " " + type;
    }
}
