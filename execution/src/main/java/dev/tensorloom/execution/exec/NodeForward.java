package dev.tensorloom.execution.exec;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates one node of a pass: under a fresh sub-manager, from leaves cut off its producers' graphs, with the
 * engine seeded for that node and step so a recomputation draws the same random numbers as the forward.
 */
final class NodeForward {
    private final Plan plan;
    private final ParameterStore store;
    private final NDManager stepManager;
    private final long seed;
    private final long globalStep;
    private final boolean training;
    private final HeldOutputs held;
    private int straysSwept;

    NodeForward(Plan plan, ParameterStore store, NDManager stepManager, long seed, long globalStep, boolean training,
            HeldOutputs held) {
        this.plan = plan;
        this.store = store;
        this.stepManager = stepManager;
        this.seed = seed;
        this.globalStep = globalStep;
        this.training = training;
        this.held = held;
    }

    /** The engine seed for one evaluation of one node: recomputations draw the same random numbers. */
    static int forwardSeed(long seed, long globalStep, int stepIndex) {
        return NodeSeed.of(seed, globalStep, stepIndex);
    }

    /**
     * Runs one node forward from the outputs its producers hold now and holds its result.
     *
     * @param gradOn whether to record the node's local graph for its backward
     * @return the views the op published
     */
    Map<String, NDArray> run(Step step, boolean gradOn, boolean recomputing) {
        int i = step.index();
        NDManager m = stepManager.newSubManager();
        boolean gradBefore = JniUtils.isGradMode();
        try {
            NDList inputs = new NDList(step.inputs().size());
            NDArray[] leafs = new NDArray[step.inputs().size()];
            Shape[] shapes = new Shape[step.inputs().size()];
            for (int port = 0; port < leafs.length; port++) {
                Optional<InputRef> ref = step.inputs().get(port);
                if (ref.isEmpty()) {
                    inputs.add(null);
                    continue;
                }
                NDArray produced = held.outputs(ref.get().step()).get(ref.get().output());
                NDArray leaf = produced.stopGradient();
                leaf.attach(m);
                if (gradOn && leaf.getDataType().isFloating() && !plan.step(ref.get().step()).isSource()) {
                    leaf.setRequiresGradient(true);
                }
                leafs[port] = leaf;
                shapes[port] = leaf.getShape();
                inputs.add(leaf);
            }
            if (!store.isInitialized(step.nodeId())) {
                store.initialize(step, shapes);
            }
            Engine.getInstance().setRandomSeed(forwardSeed(seed, globalStep, i));
            NodeContext ctx = new NodeContext(step, store, m, training, recomputing);
            JniUtils.setGradMode(gradOn);
            NDList result;
            try {
                result = step.op().forward(ctx, inputs);
            } finally {
                JniUtils.setGradMode(gradBefore);
            }
            straysSwept += store.sweepStrays(m);
            if (result == null || result.size() != step.outputCount()) {
                throw new NodeFailureException(step.nodeId(), "returned " + (result == null ? 0 : result.size())
                        + " outputs, its block type declares " + step.outputCount(), null);
            }
            for (NDArray a : result) {
                if (a.getManager() != m && a.getManager() != store.manager()) {
                    a.attach(m);
                }
            }
            if (!gradOn) {
                releaseLeaves(leafs, result, ctx.published());
            }
            held.hold(i, m, result, leafs, gradOn);
            return ctx.published();
        } catch (NodeFailureException e) {
            m.close();
            throw e;
        } catch (RuntimeException e) {
            m.close();
            throw new NodeFailureException(step.nodeId(), String.valueOf(e.getMessage()), e);
        }
    }

    /** Stray arrays the parameter store swept from node managers so far (see {@code ParameterStore.sweepStrays}). */
    int straysSwept() {
        return straysSwept;
    }

    /**
     * Closes the input leaves of an untaped evaluation. Each leaf shares its producer's storage, so while
     * it stayed open, a checkpoint kept its producer's output alive after the producer was dropped (a
     * {@code sqrt} step on a deep chain held one hidden activation per checkpoint). Nothing uses the
     * leaves of a graph-less node: its backward always re-runs it. A leaf an op returned or published stays.
     */
    private static void releaseLeaves(NDArray[] leafs, NDList result, Map<String, NDArray> published) {
        for (int port = 0; port < leafs.length; port++) {
            NDArray leaf = leafs[port];
            if (leaf != null && result.stream().noneMatch(a -> a == leaf)
                    && published.values().stream().noneMatch(a -> a == leaf)) {
                leaf.close();
                leafs[port] = null;
            }
        }
    }
}
