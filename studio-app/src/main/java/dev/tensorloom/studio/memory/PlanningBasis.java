package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.checkpoint.PlanGraph;
import dev.tensorloom.execution.checkpoint.Tradeoff;
import dev.tensorloom.execution.checkpoint.TradeoffExplorer;
import dev.tensorloom.execution.checkpoint.TradeoffPoint;
import dev.tensorloom.execution.compile.CompileException;
import dev.tensorloom.execution.compile.Compiler;
import dev.tensorloom.execution.compile.DeviceChoice;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.op.OpRegistry;
import dev.tensorloom.execution.profile.NodeProfile;
import dev.tensorloom.execution.recompute.PlannedPolicy;
import dev.tensorloom.execution.recompute.PolicyPlanning;
import dev.tensorloom.execution.recompute.StepGraph;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.estimate.Estimates;
import dev.tensorloom.model.validate.ShapeInference;
import dev.tensorloom.model.validate.ShapeReport;
import java.util.Optional;

/**
 * What the memory view plans policies on: a compiled plan, per-step costs, the {@code none} schedule
 * every prediction is compared with, and where the costs come from.
 *
 * @param batchSize the batch the costs are for
 * @param exact     false when an estimate counted an unknown dimension as 1
 * @param noneStep  the step time without checkpointing, measured or estimated like the costs
 */
public record PlanningBasis(Plan plan, NodeProfile profile, PlannedPolicy none, ProfileSource source,
        int batchSize, boolean exact, NoneStepTime noneStep) {

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
        NoneStepTime step = NoneStepTime.estimated(none.graph().graph().totalForwardNanos());
        return new PlanningBasis(plan, estimated.profile(), none, ProfileSource.ESTIMATED, batch, estimated.exact(),
                step);
    }

    /** The measured profile of an analysis. */
    public static PlanningBasis measured(MemoryAnalysis a) {
        return new PlanningBasis(a.plan(), a.result().profile(), a.result().baseline().schedule(),
                ProfileSource.MEASURED, a.batchSize(), true, NoneStepTime.measured(a.result().baseline()));
    }

    /** Plans {@code policy} on these costs; call off the UI thread. */
    public PlannedPolicy schedule(CheckpointPolicy policy) {
        return PolicyPlanning.schedule(plan, policy, profile);
    }

    /** The planner's graph, its forward times scaled to {@code none}'s forward pass. */
    public PlanGraph planGraph() {
        return StepGraph.of(plan, profile).graph().withTotalForwardNanos(noneStep.forwardNanos());
    }

    /** Every policy's predicted point; call off the UI thread. */
    public Tradeoff tradeoff() {
        return TradeoffExplorer.explore(planGraph(), noneStep.stepNanos());
    }

    /** The fastest plan predicted to fit in {@code mebibytes} MiB; call off the UI thread. */
    public Optional<TradeoffPoint> fastestWithin(Tradeoff tradeoff, long mebibytes) {
        return TradeoffExplorer.fastestWithin(planGraph(), tradeoff, mebibytes);
    }
}
