package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.compile.CompileException;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.recompute.PlannedPolicy;
import dev.tensorloom.execution.recompute.PolicyPlanning;
import dev.tensorloom.execution.profile.NodeProfile;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.estimate.Estimates;
import dev.tensorloom.model.validate.ShapeInference;
import dev.tensorloom.model.validate.ShapeReport;

/**
 * What the memory view plans policies on: a compiled plan, per-step costs, the {@code none} schedule
 * every prediction is compared with, and where the costs come from.
 *
 * @param batchSize the batch the costs are for
 * @param exact     false when an estimate counted an unknown dimension as 1
 */
public record PlanningBasis(Plan plan, NodeProfile profile, PlannedPolicy none, ProfileSource source,
        int batchSize, boolean exact) {

    /**
     * Estimates the costs of {@code copy} from its shapes (no run); call off the UI thread.
     *
     * @throws EstimatedProfile.NotEstimable when the model is empty, does not compile, has no loss, or a
     *     node has no shapes; the message says which
     */
    public static PlanningBasis estimate(Document copy, BlockCatalog catalog, OpRegistry ops) {
        if (copy.nodeCount() == 0) {
            throw new EstimatedProfile.NotEstimable("The model is empty: add blocks to see a prediction");
        }
        ShapeReport shapes = ShapeInference.run(copy, catalog);
        Plan plan;
        try {
            plan = Compiler.compile(copy, catalog, ops, DeviceChoice.CPU);
        } catch (CompileException e) {
            throw new EstimatedProfile.NotEstimable("The model does not compile (" + e.getMessage()
                    + "): fix it to see a prediction");
        }
        if (plan.lossSteps().isEmpty()) {
            throw new EstimatedProfile.NotEstimable("The model has no loss, so there is no backward pass to plan");
        }
        int batch = copy.config().batchSize();
        EstimatedProfile estimated = EstimatedProfile.of(plan, shapes, Estimates.compute(copy, catalog, shapes), batch);
        PlannedPolicy none = PolicyPlanning.schedule(plan, CheckpointPolicy.none(), estimated.profile());
        return new PlanningBasis(plan, estimated.profile(), none, ProfileSource.ESTIMATED, batch, estimated.exact());
    }

    /** The measured profile of an analysis. */
    public static PlanningBasis measured(MemoryAnalysis a) {
        return new PlanningBasis(a.plan(), a.result().profile(), a.result().baseline().schedule(),
                ProfileSource.MEASURED, a.batchSize(), true);
    }

    /** Plans {@code policy} on these costs; call off the UI thread. */
    public PlannedPolicy schedule(CheckpointPolicy policy) {
        return PolicyPlanning.schedule(plan, policy, profile);
    }
}
