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
 * clipping, learning-rate schedule, and a DJL optimizer update per parameter.
 */
public final class Trainer implements AutoCloseable {
    private final Executor executor;
    private final TrainingOptimizer optimizer;
    private final LearningRateSchedule schedule;
    private final double clipNorm;

    public Trainer(Executor executor, String optimizer, LearningRateSchedule schedule, double momentum,
            double weightDecay, double clipNorm) {
        this.executor = executor;
        this.optimizer = new TrainingOptimizer(optimizer, momentum, weightDecay, executor.plan().device());
        this.schedule = schedule;
        this.clipNorm = clipNorm;
    }

    public Executor executor() {
        return executor;
    }

    /** The optimizer, whose state a saved training state keeps. */
    public TrainingOptimizer optimizer() {
        return optimizer;
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
            optimizer.beginStep(rate);
            NDArray factor = null;
            for (int i = 0; i < params.size(); i++) {
                NDArray g = grads.get(i);
                if (scale != 1.0) {
                    if (factor == null || factor.getDataType() != g.getDataType()) {
                        factor = Scalars.of(scratch, g, scale);
                    }
                    g = g.mul(factor);
                }
                optimizer.update(params.get(i).getKey(), params.get(i).getValue(), g);
            }
            Map<String, Double> nodeNorms = new LinkedHashMap<>();
            nodeSquares.forEach((k, v) -> nodeNorms.put(k, Math.sqrt(v)));
            return new TrainStepResult(outcome, rate, norm, scale, nodeNorms);
        }
    }

    @Override
    public void close() {
        optimizer.close();
    }
}
