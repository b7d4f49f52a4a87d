package dev.tensorloom.execution.exec;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import java.util.Map;
import java.util.Optional;

/**
 * The reference the executor is measured against: a {@link Plan}'s ops run in step order as one
 * autograd graph (nothing detached between nodes), with the executor's {@link dev.tensorloom.execution.op.OpContext}
 * semantics — the same parameters and buffers, training mode, and the engine generator reseeded before
 * each node exactly as {@link NodeForward} does, so dropout draws the same masks.
 */
public final class WholeGraphReference {
    private WholeGraphReference() {
    }

    /**
     * Runs the forward pass under {@code m} and returns the sum of the loss nodes' values, still attached
     * to its graph. Call it with autograd recording (inside a {@link GradientCollector}) to train.
     */
    public static NDArray forward(Plan plan, ParameterStore store, Map<String, NDArray> batch, NDManager m,
            long seed, long globalStep) {
        NDList[] outs = new NDList[plan.size()];
        NDArray total = null;
        for (Step s : plan.steps()) {
            if (s.isSource()) {
                outs[s.index()] = new NDList(batch.get(s.field()));
                continue;
            }
            NDList inputs = new NDList(s.inputs().size());
            for (Optional<InputRef> ref : s.inputs()) {
                inputs.add(ref.map(r -> outs[r.step()].get(r.output())).orElse(null));
            }
            Engine.getInstance().setRandomSeed(NodeForward.forwardSeed(seed, globalStep, s.index()));
            outs[s.index()] = s.op().forward(new NodeContext(s, store, m, true, false), inputs);
            // Results an op put next to a parameter belong to this pass, not to the parameter store.
            store.sweepStrays(m);
            if (s.isLoss()) {
                NDArray l = outs[s.index()].get(0);
                total = total == null ? l : total.add(l);
            }
        }
        if (total == null) {
            throw new IllegalArgumentException("the plan has no loss");
        }
        return total;
    }

    /**
     * One whole-graph forward and backward; leaves the gradients in the parameters (added to what they
     * hold, so zero them first) and returns the total loss.
     */
    public static double backward(Plan plan, ParameterStore store, Map<String, NDArray> batch, long seed,
            long globalStep) {
        try (NDManager m = NDManager.newBaseManager(plan.device());
                GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray total = forward(plan, store, batch, m, seed, globalStep);
            gc.backward(total);
            return total.getFloat();
        }
    }
}
