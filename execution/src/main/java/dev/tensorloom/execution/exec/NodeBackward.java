package dev.tensorloom.execution.exec;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one node's backward over its held local graph and passes the gradients of its input leaves on to the
 * producers' upstream slots.
 *
 * <p>A node with several outputs that receive gradients runs one VJP on the scalar
 * {@code sum_k sum(out_k * g_k)} seeded with 1: its gradient with respect to {@code out_k} is exactly
 * {@code g_k} (multiplying by 1 and broadcasting a sum are exact), and libtorch then walks the node's
 * graph once, accumulating shared intermediate gradients in the same way a whole-graph backward does.
 */
final class NodeBackward {
    private final ParameterStore store;
    private final HeldOutputs held;
    private final UpstreamGradients gradients;

    NodeBackward(ParameterStore store, HeldOutputs held, UpstreamGradients gradients) {
        this.store = store;
        this.held = held;
        this.gradients = gradients;
    }

    /** Runs the backward of {@code step}, whose outputs and local graph are held and which has gradients. */
    void run(Step step) {
        int i = step.index();
        NDList outs = held.outputs(i);
        NDArray[] grads = gradients.of(i);
        if (!mayCarryGraph(step)) {
            return;
        }
        // DJL's hasGradient() is false for every non-leaf tensor, so it cannot tell which outputs carry a
        // graph; every floating output with an upstream gradient takes part instead.
        List<Integer> parts = new ArrayList<>();
        for (int k = 0; k < outs.size(); k++) {
            if (grads[k] != null && outs.get(k).getDataType().isFloating()) {
                parts.add(k);
            }
        }
        if (parts.isEmpty()) {
            return;
        }
        boolean gradBefore = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try {
            NDArray target;
            NDArray seedGrad;
            if (parts.size() == 1) {
                target = outs.get(parts.get(0));
                seedGrad = grads[parts.get(0)];
            } else {
                target = null;
                for (int k : parts) {
                    NDArray term = outs.get(k).mul(grads[k]).sum();
                    target = target == null ? term : target.add(term);
                }
                seedGrad = held.manager(i).ones(target.getShape(), target.getDataType());
            }
            JniUtils.backward((PtNDArray) target, (PtNDArray) seedGrad, false, false);
        } catch (EngineException e) {
            // An output computed without touching a parameter or a differentiable input (a constant) has
            // no graph; libtorch refuses backward on it, and there is correctly nothing to propagate.
            if (!String.valueOf(e.getMessage()).contains("does not require grad")) {
                throw new NodeFailureException(step.nodeId(), "backward failed: " + e.getMessage(), e);
            }
            return;
        } finally {
            JniUtils.setGradMode(gradBefore);
        }
        NDArray[] leafs = held.leaves(i);
        for (int port = 0; port < leafs.length; port++) {
            if (leafs[port] == null || !leafs[port].hasGradient()) {
                continue;
            }
            PtNDArray g = JniUtils.getGradient((PtNDArray) leafs[port]);
            if (g != null) {
                InputRef ref = step.inputs().get(port).orElseThrow();
                gradients.accumulate(ref.step(), ref.output(), g);
            }
        }
    }

    /** True when the node's forward could have recorded a graph: it has parameters or a differentiable input. */
    private boolean mayCarryGraph(Step step) {
        if (!store.node(step.nodeId()).parameters().isEmpty()) {
            return true;
        }
        for (NDArray leaf : held.leaves(step.index())) {
            if (leaf != null && leaf.hasGradient()) {
                return true;
            }
        }
        return false;
    }
}
