package dev.tensorloom.execution.checkpoint;

import java.util.Objects;

/**
 * What the planner knows about one node, as measured by a profiling pass.
 *
 * @param id stable node id, for messages and for mapping the plan back to the document
 * @param savedBytes bytes autograd keeps for this node's backward while its forward is taped
 * @param outputBytes bytes of the node's output, what a checkpoint of this node holds
 * @param forwardNanos time of one forward of this node
 */
public record PlanNode(String id, long savedBytes, long outputBytes, long forwardNanos) {

    public PlanNode {
        Objects.requireNonNull(id, "id");
        if (savedBytes < 0 || outputBytes < 0 || forwardNanos < 0) {
            throw new IllegalArgumentException("node '" + id + "' has a negative cost");
        }
    }
}
