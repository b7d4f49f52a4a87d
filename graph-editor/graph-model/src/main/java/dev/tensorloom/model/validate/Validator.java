package dev.tensorloom.model.validate;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.ParamSpec;
import dev.tensorloom.model.catalog.PortSpec;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Wire;
import dev.tensorloom.model.shape.PortProblem;
import dev.tensorloom.model.shape.TensorType;
import dev.tensorloom.model.validate.Problem.Kind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a document against the block catalog and lists what is wrong, node by node: unknown block
 * types, wires at ports a block does not have, unconnected required inputs, shape and element-type
 * mismatches, parameter values outside their schema, and parts of the graph no loss depends on.
 * Errors come first, then warnings, each group in topological order.
 */
public final class Validator {
    private Validator() {
    }

    public static List<Problem> validate(Document doc, BlockCatalog catalog) {
        return validate(doc, catalog, ShapeInference.run(doc, catalog));
    }

    /**
     * Refuses a document with errors, before anything runs it: {@code train}, {@code memory}, the studio's
     * runs and the exporter call this, so they name the same first error {@code validate} prints.
     *
     * @throws InvalidGraphException when the document has errors (warnings pass)
     */
    public static void requireValid(Document doc, BlockCatalog catalog) {
        List<Problem> errors = validate(doc, catalog).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new InvalidGraphException(errors);
        }
    }

    /** Validates with shapes already inferred (the editor keeps a report up to date incrementally). */
    public static List<Problem> validate(Document doc, BlockCatalog catalog, ShapeReport shapes) {
        List<Problem> problems = new ArrayList<>();
        Set<String> lossNodes = new HashSet<>();
        for (String id : doc.topologicalOrder()) {
            Node node = doc.requireNode(id);
            Optional<BlockType> type = catalog.find(node.type());
            if (type.isEmpty()) {
                problems.add(Problem.error(Kind.UNKNOWN_TYPE, id, null,
                        id + " has unknown block type '" + node.type() + "'"));
                continue;
            }
            if (type.get().role() == BlockType.Role.LOSS) {
                lossNodes.add(id);
            }
            checkParams(node, type.get(), problems);
            checkPorts(doc, node, type.get(), shapes, problems);
        }
        checkLoss(doc, catalog, lossNodes, problems);
        problems.sort(Comparator.comparing(Problem::severity));
        return problems;
    }

    /**
     * One directed cycle among raw nodes and wires, as the node ids along it ({@code [a, b, c]} for
     * a→b→c→a), or empty. For the file loader: a {@link Document} cannot hold a cycle at all.
     */
    public static Optional<List<String>> findCycle(Collection<String> nodeIds, Collection<Wire> wires) {
        return CycleFinder.find(nodeIds, wires);
    }

    /** A {@link Kind#CYCLE} error naming the nodes of a cycle found by {@link #findCycle}. */
    public static Problem cycleProblem(List<String> cycle) {
        return Problem.error(Kind.CYCLE, cycle.get(0), null,
                "the wires form a cycle: " + String.join(" -> ", cycle) + " -> " + cycle.get(0));
    }

    private static void checkParams(Node node, BlockType type, List<Problem> problems) {
        for (Map.Entry<String, Object> e : node.params().entrySet()) {
            Optional<ParamSpec> spec = type.param(e.getKey());
            if (spec.isEmpty()) {
                problems.add(new Problem(Problem.Severity.WARNING, Kind.UNKNOWN_PARAM, node.id(), null, e.getKey(),
                        node.id() + "." + e.getKey() + " is not a parameter of " + type.id() + " and is ignored"));
                continue;
            }
            spec.get().check(e.getValue()).ifPresent(why -> problems.add(new Problem(Problem.Severity.ERROR,
                    Kind.PARAM_OUT_OF_RANGE, node.id(), null, e.getKey(), node.id() + "." + why)));
        }
    }

    private static void checkPorts(Document doc, Node node, BlockType type, ShapeReport shapes,
            List<Problem> problems) {
        String id = node.id();
        Set<String> connected = new HashSet<>();
        Set<String> dtypeFlagged = new HashSet<>();
        for (Wire w : doc.incoming(id)) {
            String port = w.to().port();
            connected.add(port);
            Optional<PortSpec> spec = type.input(port);
            if (spec.isEmpty()) {
                problems.add(Problem.error(Kind.UNKNOWN_PORT, id, port, "wire " + w.id() + " ends at " + w.to()
                        + ", but " + type.id() + " has no input '" + port + "'"));
                continue;
            }
            Optional<TensorType> arriving = shapes.output(w.from());
            if (arriving.isPresent() && !spec.get().dtype().accepts(arriving.get().dtype())) {
                dtypeFlagged.add(port);
                problems.add(Problem.error(Kind.DTYPE_MISMATCH, id, port, w.to() + " expects " + spec.get().dtype()
                        + ", got " + arriving.get().dtype() + " " + arriving.get() + " from " + w.from()));
            }
        }
        for (Wire w : doc.outgoing(id)) {
            if (type.output(w.from().port()).isEmpty()) {
                problems.add(Problem.error(Kind.UNKNOWN_PORT, id, w.from().port(), "wire " + w.id() + " starts at "
                        + w.from() + ", but " + type.id() + " has no output '" + w.from().port() + "'"));
            }
        }
        for (PortSpec in : type.inputs()) {
            if (!in.optional() && !connected.contains(in.name())) {
                problems.add(Problem.error(Kind.MISSING_INPUT, id, in.name(),
                        new PortRef(id, in.name()) + " is not connected"));
            }
        }
        for (PortProblem p : shapes.problems(id)) {
            String port = p.port().isEmpty() ? null : p.port();
            if (port != null && dtypeFlagged.contains(port)) {
                continue; // already reported as an element-type mismatch on this wire
            }
            Kind kind = p.message().contains("element type ") ? Kind.DTYPE_MISMATCH : Kind.SHAPE_MISMATCH;
            problems.add(Problem.error(kind, id, port, p.message()));
        }
    }

    /**
     * Warns when nothing is trained: no loss block at all, or nodes no loss depends on. An empty graph
     * and a graph without any loss get no per-node warnings, which would only repeat the first one.
     */
    private static void checkLoss(Document doc, BlockCatalog catalog, Set<String> lossNodes, List<Problem> problems) {
        if (doc.nodeCount() == 0) {
            return;
        }
        if (lossNodes.isEmpty()) {
            problems.add(Problem.warning(Kind.NO_LOSS, null, null,
                    "the graph has no loss block, so there is nothing to train"));
            return;
        }
        Set<String> reaching = LossReachability.nodesReaching(doc, lossNodes);
        for (String id : doc.topologicalOrder()) {
            Optional<BlockType> type = doc.node(id).flatMap(n -> catalog.find(n.type()));
            if (reaching.contains(id) || type.isEmpty() || type.get().role() == BlockType.Role.LOSS) {
                continue;
            }
            Set<String> wiredOut = new HashSet<>();
            doc.outgoing(id).forEach(w -> wiredOut.add(w.from().port()));
            boolean warned = false;
            for (PortSpec out : type.get().outputs()) {
                if (!wiredOut.contains(out.name())) {
                    warned = true;
                    problems.add(Problem.warning(Kind.UNUSED_OUTPUT, id, out.name(),
                            new PortRef(id, out.name()) + " is unused: it feeds nothing and no loss depends on it"));
                }
            }
            if (!warned && type.get().role() == BlockType.Role.LAYER) {
                problems.add(Problem.warning(Kind.NO_LOSS, id, null,
                        id + " does not lead to any loss, so training will not update it"));
            }
        }
    }
}
