package dev.tensorloom.execution.exec;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One forward (and, in training, backward) pass over one batch. Holds, per step, the node's manager,
 * outputs, input leaves and the upstream gradients of its outputs, and releases each as soon as nothing
 * needs it any more.
 *
 * <p>Backward of a node with several outputs that receive gradients runs one VJP on the scalar
 * {@code sum_k sum(out_k * g_k)} seeded with 1: its gradient with respect to {@code out_k} is exactly
 * {@code g_k} (multiplying by 1 and broadcasting a sum are exact), and libtorch then walks the node's
 * graph once, accumulating shared intermediate gradients in the same way a whole-graph backward does.
 */
final class Pass {
    private final Plan plan;
    private final ParameterStore store;
    private final NDManager stepManager;
    private final Map<String, NDArray> batch;
    private final long seed;
    private final long globalStep;
    private final boolean training;
    private final ActivationSchedule schedule;
    private final ExecutorListener listener;
    private final ForwardObserver observer;

    private final NDManager[] managers;
    private final NDList[] outputs;
    private final NDArray[][] leaves;
    private final boolean[] hasGraph;
    private final long[] outputBytes;
    private final Shape[][] outputShapes;
    private final int[] pendingConsumers;
    private final NDArray[][] upstream;
    private final NDManager[] gradManagers;
    private final ActivationLedger ledger = new ActivationLedger();
    private long gradientBytes;
    private final Map<String, Double> losses = new LinkedHashMap<>();
    private final Map<Integer, DataType> lossTypes = new HashMap<>();
    private int forwardEvaluations;
    private int recomputations;
    private int straysSwept;

    Pass(Plan plan, ParameterStore store, NDManager stepManager, Map<String, NDArray> batch, long seed,
            long globalStep, boolean training, ActivationSchedule schedule, ExecutorListener listener,
            ForwardObserver observer) {
        this.plan = plan;
        this.store = store;
        this.stepManager = stepManager;
        this.batch = batch;
        this.seed = seed;
        this.globalStep = globalStep;
        this.training = training;
        this.schedule = schedule;
        this.listener = listener;
        this.observer = observer;
        int n = plan.size();
        managers = new NDManager[n];
        outputs = new NDList[n];
        leaves = new NDArray[n][];
        hasGraph = new boolean[n];
        outputBytes = new long[n];
        outputShapes = new Shape[n][];
        pendingConsumers = new int[n];
        upstream = new NDArray[n][];
        gradManagers = new NDManager[n];
        for (int i = 0; i < n; i++) {
            pendingConsumers[i] = plan.consumerSteps(i).length;
        }
    }

    /** The engine seed for one evaluation of one node: recomputations draw the same random numbers. */
    static int forwardSeed(long seed, long globalStep, int stepIndex) {
        return NodeSeed.of(seed, globalStep, stepIndex);
    }

    void forward() {
        for (Step step : plan.steps()) {
            int i = step.index();
            Map<String, NDArray> published = Map.of();
            if (step.isSource()) {
                holdSource(step);
            } else {
                published = run(step, training && schedule.keeps(i) && schedule.keepsGraph(i), false);
                forwardEvaluations++;
                if (step.isLoss()) {
                    recordLoss(step);
                }
            }
            fire(ActionKind.FORWARD, i, outputBytes[i]);
            observer.onForward(step, outputs[i], published);
            for (int producer : distinctProducers(step)) {
                if (--pendingConsumers[producer] == 0 && droppable(producer)) {
                    release(producer, ActionKind.DROP);
                }
            }
            if (pendingConsumers[i] == 0 && droppable(i)) {
                release(i, ActionKind.DROP);
            }
        }
    }

    void backward() {
        for (Step loss : plan.lossSteps()) {
            NDManager gm = gradManager(loss.index());
            NDArray ones = gm.ones(outputShapes[loss.index()][0], lossTypes.getOrDefault(loss.index(), DataType.FLOAT32));
            accumulate(loss.index(), 0, ones);
        }
        for (int i = plan.size() - 1; i >= 0; i--) {
            Step step = plan.step(i);
            if (step.isSource()) {
                continue;
            }
            if (upstream[i] == null) {
                // No gradient reaches this node (it does not feed a loss): just let its activations go.
                if (outputs[i] != null) {
                    release(i, ActionKind.DROP);
                }
                continue;
            }
            ensureLive(i);
            backwardNode(step);
            release(i, ActionKind.BACKWARD);
        }
    }

    // ---- primitives for chain (Revolve) execution, see ChainPass -----------------------------

    /** Holds every source step's batch field (a chain pass keeps the batch for the whole pass). */
    void holdSources() {
        for (Step source : plan.sourceSteps()) {
            holdSource(source);
            fire(ActionKind.FORWARD, source.index(), outputBytes[source.index()]);
            observer.onForward(source, outputs[source.index()], Map.of());
        }
    }

    /**
     * Evaluates one node from the outputs its producers hold now. The first evaluation of the pass is
     * the node's forward (loss recorded, observer told); later ones are recomputations.
     */
    void evaluate(int i, boolean taped, boolean first) {
        Step step = plan.step(i);
        if (outputs[i] != null) {
            fire(ActionKind.DROP, i, dropOutputs(i));
        }
        Map<String, NDArray> published = run(step, taped, !first);
        forwardEvaluations++;
        if (first) {
            if (step.isLoss()) {
                recordLoss(step);
            }
            fire(ActionKind.FORWARD, i, outputBytes[i]);
            observer.onForward(step, outputs[i], published);
        } else {
            recomputations++;
            fire(ActionKind.RECOMPUTE, i, outputBytes[i]);
        }
    }

    /** True while step {@code i}'s outputs are held. */
    boolean holds(int i) {
        return outputs[i] != null;
    }

    /** Releases a node's outputs and graph but keeps the gradient it has received so far. */
    void dropValue(int i) {
        if (outputs[i] != null) {
            fire(ActionKind.DROP, i, dropOutputs(i));
        }
    }

    /** Seeds a loss step's gradient with ones, as {@link #backward()} does for every loss. */
    void seedLoss(int i) {
        NDManager gm = gradManager(i);
        NDArray ones = gm.ones(outputShapes[i][0], lossTypes.getOrDefault(i, DataType.FLOAT32));
        accumulate(i, 0, ones);
    }

    /** Runs a taped node's backward (passing gradients to its producers) and releases it. */
    void backwardStep(int i) {
        if (upstream[i] == null) {
            release(i, ActionKind.DROP);
            return;
        }
        backwardNode(plan.step(i));
        release(i, ActionKind.BACKWARD);
    }

    StepOutcome outcome() {
        double total = 0;
        for (double v : losses.values()) {
            total += v;
        }
        return new StepOutcome(total, Map.copyOf(losses), forwardEvaluations, recomputations, ledger.peak(),
                straysSwept);
    }

    // ---- forward ---------------------------------------------------------------------------

    private void holdSource(Step step) {
        NDArray data = batch.get(step.field());
        if (data == null) {
            throw new NodeFailureException(step.nodeId(), "the batch has no field '" + step.field() + "' (it has "
                    + batch.keySet() + ")", null);
        }
        hold(step.index(), null, new NDList(data), null);
    }

    /**
     * Runs one node forward under a fresh sub-manager, from leaves cut off its producers' graphs.
     *
     * @return the views the op published
     */
    private Map<String, NDArray> run(Step step, boolean gradOn, boolean recomputing) {
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
                NDArray produced = outputs[ref.get().step()].get(ref.get().output());
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
            hold(i, m, result, leafs);
            hasGraph[i] = gradOn;
            return ctx.published();
        } catch (NodeFailureException e) {
            m.close();
            throw e;
        } catch (RuntimeException e) {
            m.close();
            throw new NodeFailureException(step.nodeId(), String.valueOf(e.getMessage()), e);
        }
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

    private void hold(int i, NDManager m, NDList result, NDArray[] leafs) {
        managers[i] = m;
        outputs[i] = result;
        leaves[i] = leafs;
        outputBytes[i] = ActivationLedger.bytes(result);
        Shape[] shapes = new Shape[result.size()];
        for (int k = 0; k < shapes.length; k++) {
            shapes[k] = result.get(k).getShape();
        }
        outputShapes[i] = shapes;
        ledger.add(outputBytes[i]);
    }

    private void recordLoss(Step step) {
        NDArray value = outputs[step.index()].get(0);
        if (value.size() != 1) {
            throw new NodeFailureException(step.nodeId(), "a loss must output one number, got shape "
                    + value.getShape(), null);
        }
        losses.put(step.nodeId(), (double) value.toType(DataType.FLOAT32, false).getFloat());
        lossTypes.put(step.index(), value.getDataType());
    }

    private boolean droppable(int i) {
        return !plan.step(i).isSource() && !(training && schedule.keeps(i));
    }

    private int[] distinctProducers(Step step) {
        return step.inputs().stream().flatMap(Optional::stream).mapToInt(InputRef::step).distinct().toArray();
    }

    // ---- backward --------------------------------------------------------------------------

    /**
     * Before a node's own backward: makes sure its outputs and local graph exist. A node kept without its
     * graph is re-run; a dropped node is re-run after the producer values it needs.
     */
    private void ensureLive(int i) {
        if (outputs[i] != null && hasGraph[i]) {
            return;
        }
        if (outputs[i] != null) {
            // Every consumer has had its backward, so the graph-less copy is no longer needed.
            fire(ActionKind.DROP, i, dropOutputs(i));
        }
        recompute(plan.step(i));
    }

    /** Makes sure a node's output values exist, re-running it (with its graph, needed soon) if they do not. */
    private void ensureValue(int i) {
        if (outputs[i] == null) {
            recompute(plan.step(i));
        }
    }

    private void recompute(Step step) {
        for (int producer : distinctProducers(step)) {
            ensureValue(producer);
        }
        run(step, true, true);
        forwardEvaluations++;
        recomputations++;
        fire(ActionKind.RECOMPUTE, step.index(), outputBytes[step.index()]);
    }

    private void backwardNode(Step step) {
        int i = step.index();
        NDList outs = outputs[i];
        NDArray[] grads = upstream[i];
        if (!mayCarryGraph(i)) {
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
                seedGrad = managers[i].ones(target.getShape(), target.getDataType());
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
        NDArray[] leafs = leaves[i];
        for (int port = 0; port < leafs.length; port++) {
            if (leafs[port] == null || !leafs[port].hasGradient()) {
                continue;
            }
            PtNDArray g = JniUtils.getGradient((PtNDArray) leafs[port]);
            if (g != null) {
                InputRef ref = step.inputs().get(port).orElseThrow();
                accumulate(ref.step(), ref.output(), g);
            }
        }
    }

    /** True when the node's forward could have recorded a graph: it has parameters or a differentiable input. */
    private boolean mayCarryGraph(int i) {
        if (!store.node(plan.step(i).nodeId()).parameters().isEmpty()) {
            return true;
        }
        for (NDArray leaf : leaves[i]) {
            if (leaf != null && leaf.hasGradient()) {
                return true;
            }
        }
        return false;
    }

    /** Adds a gradient into the upstream slot of output {@code output} of step {@code producer}. */
    private void accumulate(int producer, int output, NDArray grad) {
        NDManager gm = gradManager(producer);
        if (upstream[producer] == null) {
            upstream[producer] = new NDArray[plan.step(producer).outputCount()];
        }
        NDArray slot = upstream[producer][output];
        if (slot == null) {
            grad.attach(gm);
            upstream[producer][output] = grad;
            gradientBytes += ActivationLedger.bytes(grad);
        } else {
            NDArray sum = slot.add(grad);
            sum.attach(gm);
            slot.close();
            grad.close();
            upstream[producer][output] = sum;
        }
    }

    private NDManager gradManager(int i) {
        if (gradManagers[i] == null) {
            gradManagers[i] = stepManager.newSubManager();
        }
        return gradManagers[i];
    }

    // ---- release ---------------------------------------------------------------------------

    /** Releases a node's outputs, graph and upstream gradients. */
    private void release(int i, ActionKind kind) {
        long bytes = dropOutputs(i);
        if (gradManagers[i] != null) {
            for (NDArray g : upstream[i] == null ? new NDArray[0] : upstream[i]) {
                gradientBytes -= ActivationLedger.bytes(g);
            }
            gradManagers[i].close();
            gradManagers[i] = null;
        }
        upstream[i] = null;
        fire(kind, i, bytes);
    }

    /** Releases a node's outputs and graph only; returns their bytes. */
    private long dropOutputs(int i) {
        long bytes = outputBytes[i];
        ledger.remove(bytes);
        if (managers[i] != null) {
            managers[i].close();
        }
        managers[i] = null;
        outputs[i] = null;
        leaves[i] = null;
        hasGraph[i] = false;
        outputBytes[i] = 0;
        return bytes;
    }

    private void fire(ActionKind kind, int i, long bytes) {
        listener.onAction(new ExecutorAction(kind, i, plan.step(i).nodeId(), bytes, ledger.held(), gradientBytes));
    }
}
