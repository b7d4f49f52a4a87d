package dev.tensorloom.model.estimate;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.Estimate;
import dev.tensorloom.model.catalog.Params;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.validate.ShapeReport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Analytic costs of a document: each node's {@link Estimate} from its block type's estimator and the
 * types {@link dev.tensorloom.model.validate.ShapeInference} inferred, and their sum. What the canvas
 * shows on nodes and what the checkpoint planner starts from. Nodes whose shapes are unknown (an
 * error upstream) get no estimate, and the total is then marked inexact.
 */
public final class Estimates {
    private final Map<String, Estimate> perNode;
    private final Estimate total;
    private final boolean complete;

    private Estimates(Map<String, Estimate> perNode, boolean complete) {
        this.perNode = Collections.unmodifiableMap(perNode);
        this.complete = complete;
        Estimate sum = Estimate.ZERO;
        for (Estimate e : perNode.values()) {
            sum = sum.plus(e);
        }
        this.total = complete ? sum : new Estimate(sum.parameters(), sum.flopsPerExample(),
                sum.activationBytesPerExample(), false);
    }

    public static Estimates compute(Document doc, BlockCatalog catalog, ShapeReport shapes) {
        Map<String, Estimate> perNode = new LinkedHashMap<>();
        boolean complete = true;
        for (String id : doc.topologicalOrder()) {
            Optional<Estimate> e = estimate(doc.requireNode(id), catalog, shapes);
            if (e.isPresent()) {
                perNode.put(id, e.get());
            } else {
                complete = false;
            }
        }
        return new Estimates(perNode, complete);
    }

    private static Optional<Estimate> estimate(Node node, BlockCatalog catalog, ShapeReport shapes) {
        Optional<BlockType> type = catalog.find(node.type());
        if (type.isEmpty() || !shapes.inferred(node.id())) {
            return Optional.empty();
        }
        try {
            return Optional.of(type.get().estimator().estimate(new Params(type.get(), node.params()),
                    shapes.inputs(node.id()), shapes.outputs(node.id())));
        } catch (RuntimeException e) {
            // a node with a shape error may lack the outputs its estimator reads; it simply has no estimate
            return Optional.empty();
        }
    }

    /** The estimate of one node, if its shapes were known. */
    public Optional<Estimate> of(String nodeId) {
        return Optional.ofNullable(perNode.get(nodeId));
    }

    /** Estimates by node id, in topological order. */
    public Map<String, Estimate> perNode() {
        return perNode;
    }

    /** Sum over all estimated nodes; inexact when a node could not be estimated. */
    public Estimate total() {
        return total;
    }

    /** Whether every node of the document has an estimate. */
    public boolean complete() {
        return complete;
    }

    /** The whole model's cost for one training step of {@code batchSize} examples. */
    public StepCost forBatch(int batchSize) {
        return StepCost.of(total, batchSize);
    }

    /** One node's cost for one step of {@code batchSize} examples. */
    public Optional<StepCost> forBatch(String nodeId, int batchSize) {
        return of(nodeId).map(e -> StepCost.of(e, batchSize));
    }
}
