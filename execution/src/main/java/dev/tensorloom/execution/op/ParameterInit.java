package dev.tensorloom.execution.op;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import dev.tensorloom.model.catalog.Params;

/** Creates a node's trainable parameters and buffers, seeded so the same seed gives the same model. */
public interface ParameterInit {
    Params params();

    /** Creates a trainable parameter filled by {@code initializer}. */
    NDArray parameter(String name, Shape shape, Initializer initializer);

    /** Registers a trainable parameter whose values the op computed itself (for example S4D's init). */
    NDArray parameter(String name, NDArray initialValue);

    /** Registers a non-trainable buffer. */
    NDArray buffer(String name, NDArray initialValue);

    /** Manager that owns parameters; use it only to build initial values. */
    NDManager manager();
}
