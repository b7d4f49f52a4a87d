package dev.tensorloom.execution.run;

import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.data.BatchSource;
import dev.tensorloom.execution.exec.ActivationSchedule;
import dev.tensorloom.model.doc.TrainingConfig;

/** Chooses how a run keeps and recomputes activations, from the project's checkpoint policy. */
@FunctionalInterface
public interface ActivationScheduleFactory {
    ActivationSchedule create(Plan plan, String policy, BatchSource data, TrainingConfig config);

    /** {@code none} keeps everything; other policies are planned by the checkpoint scheduler. */
    ActivationScheduleFactory STANDARD = (plan, policy, data, config) -> {
        CheckpointPolicy parsed = CheckpointPolicy.parse(policy);
        if (parsed.kind() == CheckpointPolicy.Kind.NONE) {
            return ActivationSchedule.NONE;
        }
        throw new IllegalArgumentException("checkpoint policy '" + policy + "' needs the checkpoint scheduler");
    };
}
