package dev.tensorloom.model.validate;

import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.shape.PortProblem;
import dev.tensorloom.model.shape.TensorType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link ShapeInference} learned about a document: the type on every output port it could
 * infer, the types that arrived at each node's inputs, and the shape problems found, per node.
 * A node whose rule did not run (unknown block type, a required input unconnected, or an upstream
 * type unknown) has no entries, so one error upstream does not cascade into many.
 */
public final class ShapeReport {
    private final Map<String, NodeShapes> nodes;

    ShapeReport(Map<String, NodeShapes> nodes) {
        this.nodes = Collections.unmodifiableMap(nodes);
    }

    /** The inferred facts about one node. */
    record NodeShapes(Map<String, TensorType> inputs, Map<String, TensorType> outputs, List<PortProblem> problems) {
        NodeShapes {
            // built fresh per node by ShapeInference and never touched again, so wrapping is enough
            inputs = Collections.unmodifiableMap(inputs);
            outputs = Collections.unmodifiableMap(outputs);
            problems = problems.isEmpty() ? List.of() : List.copyOf(problems);
        }
    }

    /** The type on an output port, if it was inferred. */
    public Optional<TensorType> output(PortRef port) {
        NodeShapes n = nodes.get(port.nodeId());
        return n == null ? Optional.empty() : Optional.ofNullable(n.outputs().get(port.port()));
    }

    /** Inferred output types of a node by port name (empty when its rule did not run). */
    public Map<String, TensorType> outputs(String nodeId) {
        NodeShapes n = nodes.get(nodeId);
        return n == null ? Map.of() : n.outputs();
    }

    /** The types that arrived at a node's input ports when its rule ran (empty when it did not run). */
    public Map<String, TensorType> inputs(String nodeId) {
        NodeShapes n = nodes.get(nodeId);
        return n == null ? Map.of() : n.inputs();
    }

    /** Whether the node's shape rule ran (its inputs were all known). */
    public boolean inferred(String nodeId) {
        return nodes.containsKey(nodeId);
    }

    /** Shape problems of one node. */
    public List<PortProblem> problems(String nodeId) {
        NodeShapes n = nodes.get(nodeId);
        return n == null ? List.of() : n.problems();
    }

    /** All shape problems, in the topological order of their nodes. */
    public List<PortProblem> problems() {
        List<PortProblem> all = new ArrayList<>();
        for (NodeShapes n : nodes.values()) {
            all.addAll(n.problems());
        }
        return all;
    }

    /** Ids of the nodes whose rule ran, in topological order. */
    public List<String> inferredNodes() {
        return List.copyOf(nodes.keySet());
    }

    Map<String, NodeShapes> entries() {
        return nodes;
    }
}
