package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.Dim;
import dev.tensorloom.model.shape.PortProblem;
import dev.tensorloom.model.shape.ShapePattern;
import dev.tensorloom.model.shape.TensorType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one node's {@link ShapeRule}: holds its input types (with where each came from, for messages),
 * the named-dimension bindings, and collects outputs and problems.
 */
public final class NodeShapeContext implements ShapeContext {
    private final String nodeId;
    private final BlockType type;
    private final Params params;
    private final Map<String, TensorType> inputs;
    private final Map<String, String> sources;
    private final Map<String, Dim> names = new HashMap<>();
    private final Map<String, List<Dim>> rests = new HashMap<>();
    private final Map<String, TensorType> outputs = new LinkedHashMap<>();
    private final List<PortProblem> problems = new ArrayList<>();

    /**
     * @param inputs  types arriving at connected input ports whose type is known
     * @param sources for each such port, the {@code node.port} it comes from (used in messages)
     */
    public NodeShapeContext(String nodeId, BlockType type, Map<String, Object> paramValues,
            Map<String, TensorType> inputs, Map<String, String> sources) {
        this.nodeId = nodeId;
        this.type = type;
        this.params = new Params(type, paramValues);
        this.inputs = inputs;
        this.sources = sources;
    }

    /** Runs the block's rule; a rule that throws is reported as a problem on the node, not propagated. */
    public NodeShapeContext run() {
        try {
            type.shapeRule().infer(this);
        } catch (RuntimeException e) {
            problems.add(new PortProblem(nodeId, "", nodeId + ": cannot infer shapes: " + e.getMessage()));
        }
        return this;
    }

    @Override
    public Params params() {
        return params;
    }

    @Override
    public Optional<TensorType> input(String port) {
        return Optional.ofNullable(inputs.get(port));
    }

    @Override
    public boolean expect(String port, DType dtype, String pattern) {
        TensorType actual = inputs.get(port);
        if (actual == null) {
            return false;
        }
        ShapePattern p = ShapePattern.parse(pattern);
        Map<String, Dim> trialNames = new HashMap<>(names);
        Map<String, List<Dim>> trialRests = new HashMap<>(rests);
        String reason = p.unify(actual, trialNames, trialRests);
        if (reason == null && !dtype.accepts(actual.dtype())) {
            reason = "element type " + actual.dtype() + " where " + dtype + " is expected";
        }
        if (reason != null) {
            TensorType expected = p.instantiate(dtype, names, rests);
            String from = sources.get(port);
            problems.add(new PortProblem(nodeId, port, nodeId + "." + port + " expects " + expected
                    + (dtype == DType.INT64 && actual.dtype() != DType.INT64 ? " of " + dtype : "")
                    + ", got " + actual + (from == null ? "" : " from " + from) + " (" + reason + ")"));
            return false;
        }
        names.clear();
        names.putAll(trialNames);
        rests.clear();
        rests.putAll(trialRests);
        return true;
    }

    @Override
    public Dim dim(String name) {
        return names.getOrDefault(name, Dim.sym(name));
    }

    @Override
    public List<Dim> rest(String name) {
        return rests.getOrDefault(name, List.of());
    }

    @Override
    public TensorType shape(DType dtype, String pattern) {
        return ShapePattern.parse(pattern).instantiate(dtype, names, rests);
    }

    @Override
    public void output(String port, TensorType t) {
        outputs.put(port, t);
    }

    @Override
    public void error(String port, String message) {
        problems.add(new PortProblem(nodeId, port, nodeId + (port.isEmpty() ? "" : "." + port) + ": " + message));
    }

    public Map<String, TensorType> outputs() {
        return outputs;
    }

    public List<PortProblem> problems() {
        return problems;
    }
}
