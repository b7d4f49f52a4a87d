package dev.tensorloom.execution.run;

import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.exec.ActivationSchedule;
import dev.tensorloom.execution.recompute.PolicyPlanning;
import dev.tensorloom.execution.session.ActivationPlanner;

/** Chooses how a run keeps and recomputes activations, from the project's checkpoint policy. */
@FunctionalInterface
public interface ActivationPlannerFactory {
    ActivationPlanner create(Plan plan, String policy);

    /**
     * {@code none} keeps everything; any other policy is parsed now (so a typo fails before training) and
     * planned when the run starts, from a profiling pass over its first batch.
     */
    ActivationPlannerFactory STANDARD = (plan, policy) -> {
        CheckpointPolicy parsed = CheckpointPolicy.parse(policy);
        if (parsed.kind() == CheckpointPolicy.Kind.NONE) {
            return ActivationPlanner.fixed(ActivationSchedule.NONE);
        }
        return (executor, batch) -> PolicyPlanning.prepare(executor, batch, 0, parsed).activations();
    };
}
