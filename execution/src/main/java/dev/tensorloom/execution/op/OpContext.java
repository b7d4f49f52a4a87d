package dev.tensorloom.execution.op;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.model.catalog.Params;

/** What a {@link BlockOp} sees during one forward evaluation of one node. */
public interface OpContext {
    /** The node's stable id (for messages). */
    String nodeId();

    /** The node's parameter values, defaults filled in. */
    Params params();

    /** A trainable parameter created in {@link BlockOp#initialize}. */
    NDArray param(String name);

    /** A non-trainable buffer (running statistics) created in {@link BlockOp#initialize}. */
    NDArray buffer(String name);

    /** Replaces a buffer's value (ignored by the executor while recomputing). */
    void setBuffer(String name, NDArray value);

    /** The node's sub-manager: create constants here so they are freed with the node's activations. */
    NDManager manager();

    /** True in training, false in evaluation and sampling. */
    boolean training();

    /** True when the executor re-runs this node to rebuild a dropped activation. */
    boolean recomputing();

    /**
     * Offers an extra tensor to the activation views, such as attention weights of shape
     * [B, heads, T, T]. The executor copies what it needs; the op must not use the array afterwards
     * for anything else.
     */
    void publish(String view, NDArray value);
}
