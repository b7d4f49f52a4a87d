package dev.tensorloom.execution.exec;

/** What the executor did to a node's activations. */
public enum ActionKind {
    /** Ran the node forward and now holds its outputs. */
    FORWARD,
    /** Released a node's outputs (no longer needed until a possible recomputation). */
    DROP,
    /** Re-ran a dropped node during backward to rebuild its outputs and local autograd graph. */
    RECOMPUTE,
    /** Ran the node's backward (vector-Jacobian product) and released its outputs and graph. */
    BACKWARD
}
