package dev.tensorloom.model.validate;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.NodeShapeContext;
import dev.tensorloom.model.catalog.PortSpec;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Wire;
import dev.tensorloom.model.shape.PortProblem;
import dev.tensorloom.model.shape.TensorType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;

/**
 * Infers the symbolic type of every port of a document by running each node's {@link
 * dev.tensorloom.model.catalog.ShapeRule} in topological order, feeding it the types inferred upstream.
 * Linear in nodes plus wires (after the document's topological sort), so the editor can re-run it on
 * every edit; {@link #update} re-runs only the nodes downstream of an edit.
 */
public final class ShapeInference {
    private ShapeInference() {
    }

    /** Infers every node of the document. */
    public static ShapeReport run(Document doc, BlockCatalog catalog) {
        return run(doc, catalog, Map.of());
    }

    /**
     * Infers every node, treating {@code injected} as the types arriving at otherwise unconnected input
     * ports (how a composite block feeds its inner graph).
     */
    public static ShapeReport run(Document doc, BlockCatalog catalog, Map<PortRef, TensorType> injected) {
        return run(doc, catalog, injected, Map.of());
    }

    /**
     * As {@link #run(Document, BlockCatalog, Map)}, naming in messages where each injected type comes
     * from ({@code sources}, e.g. {@code "input x of mlp1"}).
     */
    public static ShapeReport run(Document doc, BlockCatalog catalog, Map<PortRef, TensorType> injected,
            Map<PortRef, String> sources) {
        List<String> order = doc.topologicalOrder();
        Graph<String, Wire> topology = doc.topology();
        Map<String, ShapeReport.NodeShapes> result = new LinkedHashMap<>(order.size() * 2);
        for (String id : order) {
            ShapeReport.NodeShapes shapes = inferNode(doc, topology, catalog, injected, sources, result, id);
            if (shapes != null) {
                result.put(id, shapes);
            }
        }
        return new ShapeReport(result);
    }

    /**
     * Re-infers after an edit: nodes in {@code changed} (added, re-parameterised, or with a wire added or
     * removed at their inputs) are re-run, and so is every node downstream of one whose outputs changed;
     * the rest keeps its result from {@code previous}. Removed nodes simply disappear.
     */
    public static ShapeReport update(ShapeReport previous, Document doc, BlockCatalog catalog, Set<String> changed) {
        Map<String, ShapeReport.NodeShapes> old = previous.entries();
        List<String> order = doc.topologicalOrder();
        Graph<String, Wire> topology = doc.topology();
        Map<String, ShapeReport.NodeShapes> result = new LinkedHashMap<>(order.size() * 2);
        Set<String> dirty = new HashSet<>(changed);
        for (String id : order) {
            ShapeReport.NodeShapes before = old.get(id);
            ShapeReport.NodeShapes after;
            if (dirty.contains(id)) {
                after = inferNode(doc, topology, catalog, Map.of(), Map.of(), result, id);
                boolean outputsChanged = before == null || after == null || !before.outputs().equals(after.outputs());
                if (outputsChanged) {
                    for (Wire w : topology.outgoingEdgesOf(id)) {
                        dirty.add(w.to().nodeId());
                    }
                }
            } else {
                after = before;
            }
            if (after != null) {
                result.put(id, after);
            }
        }
        return new ShapeReport(result);
    }

    /**
     * The problems node {@code to.nodeId()} would report if a wire from {@code from} fed its unconnected
     * input {@code to}: only that node's rule runs, on the types {@code report} (of {@code doc} as it is)
     * holds upstream, so the editor checks one candidate port without copying the document. Empty when the
     * rule cannot run (an unknown type upstream, another input still missing).
     */
    public static List<PortProblem> trial(ShapeReport report, Document doc, BlockCatalog catalog, PortRef from,
            PortRef to) {
        Optional<TensorType> arriving = report.output(from);
        if (arriving.isEmpty() || !doc.containsNode(to.nodeId())) {
            return List.of();
        }
        ShapeReport.NodeShapes shapes = inferNode(doc, doc.topology(), catalog, Map.of(to, arriving.get()),
                Map.of(to, from.toString()), report.entries(), to.nodeId());
        return shapes == null ? List.of() : shapes.problems();
    }

    /** Runs one node's rule, or returns null when it cannot run: unknown type, missing or unknown inputs. */
    private static ShapeReport.NodeShapes inferNode(Document doc, Graph<String, Wire> topology, BlockCatalog catalog,
            Map<PortRef, TensorType> injected, Map<PortRef, String> injectedSources,
            Map<String, ShapeReport.NodeShapes> done, String id) {
        Node node = doc.requireNode(id);
        BlockType type = catalog.find(node.type()).orElse(null);
        if (type == null || hasInvalidParameter(type, node)) {
            return null; // the validator reports the unknown type or the bad value once; the rule cannot run on it
        }
        Map<String, TensorType> inputs = new LinkedHashMap<>();
        Map<String, String> sources = new HashMap<>();
        for (Wire w : topology.incomingEdgesOf(id)) {
            String port = w.to().port();
            if (type.input(port).isEmpty()) {
                continue; // the validator reports the unknown port; the rule never asks for it
            }
            ShapeReport.NodeShapes upstream = done.get(w.from().nodeId());
            TensorType t = upstream == null ? null : upstream.outputs().get(w.from().port());
            if (t == null) {
                return null; // upstream already has an error of its own; do not cascade
            }
            inputs.put(port, t);
            sources.put(port, w.from().toString());
        }
        for (PortSpec spec : type.inputs()) {
            if (!inputs.containsKey(spec.name())) {
                PortRef ref = new PortRef(id, spec.name());
                TensorType t = injected.get(ref);
                if (t != null) {
                    inputs.put(spec.name(), t);
                    sources.put(spec.name(), injectedSources.getOrDefault(ref, ref.toString()));
                } else if (!spec.optional()) {
                    return null; // the validator reports the missing input once
                }
            }
        }
        NodeShapeContext ctx = new NodeShapeContext(id, type, node.params(), inputs, sources).run();
        return new ShapeReport.NodeShapes(inputs, ctx.outputs(), ctx.problems());
    }

    private static boolean hasInvalidParameter(BlockType type, Node node) {
        for (Map.Entry<String, Object> e : node.params().entrySet()) {
            var spec = type.param(e.getKey());
            if (spec.isPresent() && spec.get().check(e.getValue()).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
