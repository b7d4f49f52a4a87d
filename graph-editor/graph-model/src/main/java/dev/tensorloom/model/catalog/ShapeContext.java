package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.Dim;
import dev.tensorloom.model.shape.TensorType;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link ShapeRule} sees of one node while shapes are checked: its parameters, the types
 * arriving at its inputs, and named-dimension bindings shared by all its patterns. Errors are
 * recorded against a port and reported as {@code node.port expects [..], got [..] from src.port}.
 */
public interface ShapeContext {
    /** The node's parameters, with catalog defaults filled in. */
    Params params();

    /** The type arriving at an input port, if it is connected and its type is known. */
    Optional<TensorType> input(String port);

    /**
     * Unifies the input's type with a pattern such as {@code "[*, T, 256]"}. On mismatch records an
     * error on the port and returns false; returns false without an error when the port is unconnected.
     */
    boolean expect(String port, DType dtype, String pattern);

    /** {@link #expect(String, DType, String)} for a float input. */
    default boolean expect(String port, String pattern) {
        return expect(port, DType.FLOAT32, pattern);
    }

    /** The dimension bound to {@code name}, or a named unknown if it is not bound. */
    Dim dim(String name);

    /** The dimensions matched by {@code *name} ({@code *} alone is named {@code "*"}), or empty. */
    List<Dim> rest(String name);

    /** Builds a type from a pattern using the current bindings, e.g. {@code shape(FLOAT32, "[*, 64]")}. */
    TensorType shape(DType dtype, String pattern);

    /** Declares the type of an output port. */
    void output(String port, TensorType type);

    /** Records a problem on a port (input or output) in plain words. */
    void error(String port, String message);
}
