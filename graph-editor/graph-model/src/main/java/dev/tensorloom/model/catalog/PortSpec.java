package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.DType;
import java.util.Objects;

/** A typed input or output port of a block type; optional inputs may stay unconnected. */
public record PortSpec(String name, DType dtype, boolean optional, String help) {
    public PortSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        help = help == null ? "" : help;
    }

    public static PortSpec of(String name) {
        return new PortSpec(name, DType.FLOAT32, false, "");
    }

    public static PortSpec of(String name, DType dtype) {
        return new PortSpec(name, dtype, false, "");
    }

    public static PortSpec optional(String name, DType dtype) {
        return new PortSpec(name, dtype, true, "");
    }
}
