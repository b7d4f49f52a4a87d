package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.exec.ActivationSchedule;
import dev.tensorloom.execution.exec.Executor;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.NodeFailureException;
import dev.tensorloom.execution.exec.NonFiniteValueException;
import dev.tensorloom.execution.exec.ParameterStore;
import dev.tensorloom.execution.exec.ExecutorListener;
import dev.tensorloom.execution.exec.StepOutcome;
import dev.tensorloom.execution.op.Scalars;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One optimisation step at a time: forward and backward through the {@link Executor}, global-norm
 * clipping, learning-rate schedule, and a {@code torch.optim}-style update per parameter ({@link Optimizers}).
 */
public final class Trainer implements AutoCloseable {
    private final Executor executor;
    private final String optimizerName;
    private final NDManager optimizerState;
    private final ParameterOptimizer optimizer;
    private long updates;
    private final LearningRateSchedule schedule;
    private final double clipNorm;

    public Trainer(Executor executor, String optimizer, LearningRateSchedule schedule, double momentum,
            double weightDecay, double clipNorm) {
        this.executor = executor;
        this.optimizerName = optimizer.toLowerCase(java.util.Locale.ROOT);
        // The optimizer's state lives until this trainer closes, at the latest with the executor's arrays.
        this.optimizerState = executor.activationRoot().newSubManager();
        this.optimizer = Optimizers.create(optimizer, momentum, weightDecay, optimizerState);
        this.schedule = schedule;
        this.clipNorm = clipNorm;
    }

    public Executor executor() {
        return executor;
    }

    /** The optimizer, whose state a resumed run restores. */
    public ParameterOptimizer optimizer() {
        return optimizer;
    }

    /**
     * Optimisation steps begun (restored ones included). A step counts once its updates start, so a failure
     * inside them leaves this one ahead of the steps finished: the weights are then a mix of two steps.
     */
    public long updates() {
        return updates;
    }

    /** The optimizer's state as host bytes, for a saved training state. */
    public OptimizerState exportOptimizer() {
        return OptimizerStates.export(optimizerName, updates, optimizer);
    }

    /**
     * Continues from a saved optimizer state (same optimizer, slots shaped as the parameters, which must
     * exist already).
     *
     * @throws IllegalArgumentException when the state is of another optimizer or another model
     */
    public void restoreOptimizer(OptimizerState state) {
        ParameterStore store = executor.store();
        Map<String, NDArray> parameters = new LinkedHashMap<>();
        store.parameters().forEach(p -> parameters.put(p.getKey(), p.getValue()));
        try (NDManager scratch = optimizerState.newSubManager()) {
            OptimizerStates.restore(state, optimizerName, optimizer, parameters, scratch);
        }
        updates = state.updates();
    }

    /**
     * Trains on one batch.
     *
     * @throws NodeFailureException naming the first node (in plan order) with a non-finite gradient
     */
    public TrainStepResult step(Map<String, NDArray> batch, long globalStep, ActivationSchedule activations,
            ExecutorListener listener, ForwardObserver observer) {
        StepOutcome outcome = executor.train(batch, globalStep, activations, listener, observer);
        ParameterStore store = executor.store();
        try (NDManager scratch = executor.activationRoot().newSubManager()) {
            List<Map.Entry<String, NDArray>> params = store.parameters();
            List<NDArray> grads = new ArrayList<>(params.size());
            for (Map.Entry<String, NDArray> p : params) {
                grads.add(ParameterStore.gradient(p.getValue(), scratch));
            }
            double[] squares = GradientClipper.squaredNorms(grads);
            Map<String, Double> nodeSquares = new LinkedHashMap<>();
            double total = 0;
            for (int i = 0; i < params.size(); i++) {
                String key = params.get(i).getKey();
                String node = key.substring(0, key.lastIndexOf('/'));
                if (!Double.isFinite(squares[i])) {
                    throw new NonFiniteValueException(node, "gradient of " + key + " is not finite");
                }
                nodeSquares.merge(node, squares[i], Double::sum);
                total += squares[i];
            }
            double norm = Math.sqrt(total);
            double scale = GradientClipper.scale(norm, clipNorm);
            double rate = schedule.at(globalStep);
            if (!Double.isFinite(rate)) {
                throw new IllegalStateException("learning rate is " + rate + " at step " + (globalStep + 1));
            }
            updates++;
            NDArray factor = null;
            for (int i = 0; i < params.size(); i++) {
                NDArray g = grads.get(i);
                if (scale != 1.0) {
                    if (factor == null || factor.getDataType() != g.getDataType()) {
                        factor = Scalars.of(scratch, g, scale);
                    }
                    g = g.mul(factor);
                }
                optimizer.update(params.get(i).getKey(), params.get(i).getValue(), g, rate);
            }
            Map<String, Double> nodeNorms = new LinkedHashMap<>();
            nodeSquares.forEach((k, v) -> nodeNorms.put(k, Math.sqrt(v)));
            return new TrainStepResult(outcome, rate, norm, scale, nodeNorms);
        }
    }

    @Override
    public void close() {
        optimizerState.close();
    }
}
