package dev.tensorloom.execution.exec;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One forward (and, in training, backward) pass over one batch. Decides, step by step under the activation
 * schedule, what to evaluate, recompute, keep and release, and releases each step's outputs and upstream
 * gradients as soon as nothing needs them any more. {@link NodeForward} and {@link NodeBackward} do the
 * work of one node; {@link HeldOutputs} and {@link UpstreamGradients} hold what the pass keeps of it.
 */
final class Pass {
    private final Plan plan;
    private final Map<String, NDArray> batch;
    private final boolean training;
    private final ActivationSchedule schedule;
    private final ExecutorListener listener;
    private final ForwardObserver observer;

    private final HeldOutputs held;
    private final UpstreamGradients gradients;
    private final NodeForward nodeForward;
    private final NodeBackward nodeBackward;
    private final int[] pendingConsumers;
    private final Map<String, Double> losses = new LinkedHashMap<>();
    private final Map<Integer, DataType> lossTypes = new HashMap<>();
    private int forwardEvaluations;
    private int recomputations;

    Pass(Plan plan, ParameterStore store, NDManager stepManager, Map<String, NDArray> batch, long seed,
            long globalStep, boolean training, ActivationSchedule schedule, ExecutorListener listener,
            ForwardObserver observer) {
        this.plan = plan;
        this.batch = batch;
        this.training = training;
        this.schedule = schedule;
        this.listener = listener;
        this.observer = observer;
        int n = plan.size();
        held = new HeldOutputs(n);
        gradients = new UpstreamGradients(plan, stepManager);
        nodeForward = new NodeForward(plan, store, stepManager, seed, globalStep, training, held);
        nodeBackward = new NodeBackward(store, held, gradients);
        pendingConsumers = new int[n];
        for (int i = 0; i < n; i++) {
            pendingConsumers[i] = plan.consumerSteps(i).length;
        }
    }

    void forward() {
        for (Step step : plan.steps()) {
            int i = step.index();
            Map<String, NDArray> published = Map.of();
            if (step.isSource()) {
                holdSource(step);
            } else {
                published = nodeForward.run(step, training && schedule.keeps(i) && schedule.keepsGraph(i), false);
                forwardEvaluations++;
                if (step.isLoss()) {
                    recordLoss(step);
                }
            }
            fire(ActionKind.FORWARD, i, held.bytes(i));
            observer.onForward(step, held.outputs(i), published);
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
            seedLoss(loss.index());
        }
        for (int i = plan.size() - 1; i >= 0; i--) {
            Step step = plan.step(i);
            if (step.isSource()) {
                continue;
            }
            if (gradients.of(i) == null) {
                // No gradient reaches this node (it does not feed a loss): just let its activations go.
                if (held.holds(i)) {
                    release(i, ActionKind.DROP);
                }
                continue;
            }
            ensureLive(i);
            nodeBackward.run(step);
            release(i, ActionKind.BACKWARD);
        }
    }

    // ---- primitives for chain (Revolve) execution, see ChainPass -----------------------------

    /** Holds every source step's batch field (a chain pass keeps the batch for the whole pass). */
    void holdSources() {
        for (Step source : plan.sourceSteps()) {
            holdSource(source);
            fire(ActionKind.FORWARD, source.index(), held.bytes(source.index()));
            observer.onForward(source, held.outputs(source.index()), Map.of());
        }
    }

    /**
     * Evaluates one node from the outputs its producers hold now. The first evaluation of the pass is
     * the node's forward (loss recorded, observer told); later ones are recomputations.
     */
    void evaluate(int i, boolean taped, boolean first) {
        Step step = plan.step(i);
        dropValue(i);
        Map<String, NDArray> published = nodeForward.run(step, taped, !first);
        forwardEvaluations++;
        if (first) {
            if (step.isLoss()) {
                recordLoss(step);
            }
            fire(ActionKind.FORWARD, i, held.bytes(i));
            observer.onForward(step, held.outputs(i), published);
        } else {
            recomputations++;
            fire(ActionKind.RECOMPUTE, i, held.bytes(i));
        }
    }

    /** True while step {@code i}'s outputs are held. */
    boolean holds(int i) {
        return held.holds(i);
    }

    /** Releases a node's outputs and graph but keeps the gradient it has received so far. */
    void dropValue(int i) {
        if (held.holds(i)) {
            fire(ActionKind.DROP, i, held.drop(i));
        }
    }

    /** Seeds a loss step's gradient with ones, as {@link #backward()} does for every loss. */
    void seedLoss(int i) {
        gradients.seedOnes(i, held.shape(i, 0), lossTypes.getOrDefault(i, DataType.FLOAT32));
    }

    /** Runs a taped node's backward (passing gradients to its producers) and releases it. */
    void backwardStep(int i) {
        if (gradients.of(i) == null) {
            release(i, ActionKind.DROP);
            return;
        }
        nodeBackward.run(plan.step(i));
        release(i, ActionKind.BACKWARD);
    }

    StepOutcome outcome() {
        double total = 0;
        for (double v : losses.values()) {
            total += v;
        }
        return new StepOutcome(total, Map.copyOf(losses), forwardEvaluations, recomputations, held.peak(),
                nodeForward.straysSwept());
    }

    // ---- forward ---------------------------------------------------------------------------

    private void holdSource(Step step) {
        NDArray data = batch.get(step.field());
        if (data == null) {
            throw new NodeFailureException(step.nodeId(), "the batch has no field '" + step.field() + "' (it has "
                    + batch.keySet() + ")", null);
        }
        held.hold(step.index(), null, new NDList(data), null, false);
    }

    private void recordLoss(Step step) {
        NDArray value = held.outputs(step.index()).get(0);
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

    // ---- recomputation before backward -------------------------------------------------------

    /**
     * Before a node's own backward: makes sure its outputs and local graph exist. A node kept without its
     * graph is re-run; a dropped node is re-run after the producer values it needs.
     */
    private void ensureLive(int i) {
        if (held.holds(i) && held.hasGraph(i)) {
            return;
        }
        // Every consumer has had its backward, so a graph-less copy is no longer needed.
        dropValue(i);
        recompute(plan.step(i));
    }

    /** Makes sure a node's output values exist, re-running it (with its graph, needed soon) if they do not. */
    private void ensureValue(int i) {
        if (!held.holds(i)) {
            recompute(plan.step(i));
        }
    }

    private void recompute(Step step) {
        for (int producer : distinctProducers(step)) {
            ensureValue(producer);
        }
        nodeForward.run(step, true, true);
        forwardEvaluations++;
        recomputations++;
        fire(ActionKind.RECOMPUTE, step.index(), held.bytes(step.index()));
    }

    // ---- release ---------------------------------------------------------------------------

    /** Releases a node's outputs, graph and upstream gradients. */
    private void release(int i, ActionKind kind) {
        long bytes = held.drop(i);
        gradients.release(i);
        fire(kind, i, bytes);
    }

    private void fire(ActionKind kind, int i, long bytes) {
        listener.onAction(new ExecutorAction(kind, i, plan.step(i).nodeId(), bytes, held.held(), gradients.bytes()));
    }
}
