package dev.tensorloom.execution.session;

import dev.tensorloom.execution.exec.ActivationSchedule;
import dev.tensorloom.execution.train.LearningRateSchedule;
import dev.tensorloom.execution.train.MetricBinding;
import dev.tensorloom.model.doc.TrainingConfig;
import java.util.List;

/**
 * Everything a {@link TrainingSession} needs beyond the plan and data. Built from a project's
 * {@link TrainingConfig}; the activation schedule (from the checkpoint planner), snapshot policy and
 * metrics are set separately.
 */
public record SessionConfig(String optimizer, LearningRateSchedule learningRate, double momentum, double weightDecay,
        double gradientClip, int batchSize, int steps, int evalEvery, long seed, ActivationPlanner activations,
        SnapshotPolicy snapshots, List<MetricBinding> metrics, boolean checkFinite) {

    public SessionConfig {
        metrics = List.copyOf(metrics);
        if (steps < 0 || batchSize < 1) {
            throw new IllegalArgumentException("steps must be >= 0 and batch size >= 1");
        }
    }

    /** The project's settings, plain backpropagation, no snapshots, no metrics, finite checks on. */
    public static SessionConfig from(TrainingConfig c) {
        LearningRateSchedule lr = "cosine".equals(c.schedule())
                ? LearningRateSchedule.cosine(c.learningRate(), c.warmupSteps(), c.steps())
                : LearningRateSchedule.constant(c.learningRate(), c.warmupSteps());
        return new SessionConfig(c.optimizer(), lr, c.momentum(), c.weightDecay(), c.gradientClip(), c.batchSize(),
                c.steps(), c.evalEvery(), c.seed(), ActivationPlanner.fixed(ActivationSchedule.NONE), SnapshotPolicy.NONE, List.of(), true);
    }

    public SessionConfig withActivations(ActivationSchedule a) {
        return withActivations(ActivationPlanner.fixed(a));
    }

    /** A schedule planned when the run starts, from its executor and first batch (checkpoint policies). */
    public SessionConfig withActivations(ActivationPlanner a) {
        return new SessionConfig(optimizer, learningRate, momentum, weightDecay, gradientClip, batchSize, steps,
                evalEvery, seed, a, snapshots, metrics, checkFinite);
    }

    public SessionConfig withSnapshots(SnapshotPolicy s) {
        return new SessionConfig(optimizer, learningRate, momentum, weightDecay, gradientClip, batchSize, steps,
                evalEvery, seed, activations, s, metrics, checkFinite);
    }

    public SessionConfig withMetrics(List<MetricBinding> m) {
        return new SessionConfig(optimizer, learningRate, momentum, weightDecay, gradientClip, batchSize, steps,
                evalEvery, seed, activations, snapshots, m, checkFinite);
    }
}
