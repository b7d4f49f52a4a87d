package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.profile.NodeProfile;
import dev.tensorloom.model.catalog.Estimate;
import dev.tensorloom.model.estimate.Estimates;
import dev.tensorloom.model.shape.TensorType;
import dev.tensorloom.model.validate.ShapeReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link NodeProfile} built from the analytic estimates instead of a profiling run, so a policy can be
 * planned before anything runs: per step, saved bytes are the block's estimated activation bytes per
 * example and output bytes its inferred output types, both times the batch; forward time is taken as
 * proportional to the estimated FLOPs (one nanosecond per FLOP: only ratios of times are ever shown).
 *
 * @param profile the costs, marked not measured
 * @param exact   false when some dimension was unknown and counted as 1
 */
public record EstimatedProfile(NodeProfile profile, boolean exact) {

    /** Thrown when a node has no shapes or no estimate (the model has errors); the message names it. */
    public static final class NotEstimable extends IllegalArgumentException {
        NotEstimable(String message) {
            super(message);
        }
    }

    /**
     * Estimates every step of {@code plan} (compiled from the document {@code shapes} and
     * {@code estimates} were computed on) for a batch of {@code batchSize} examples.
     *
     * @throws NotEstimable when a step's node has no inferred shapes or no estimate
     */
    public static EstimatedProfile of(Plan plan, ShapeReport shapes, Estimates estimates, int batchSize) {
        List<Long> saved = new ArrayList<>(plan.size());
        List<Long> outputs = new ArrayList<>(plan.size());
        List<Long> nanos = new ArrayList<>(plan.size());
        boolean exact = true;
        for (Step s : plan.steps()) {
            Optional<Estimate> e = estimates.of(s.nodeId());
            if (!shapes.inferred(s.nodeId()) || e.isEmpty()) {
                throw new NotEstimable("'" + s.nodeId() + "' has no known shapes: fix the errors marked on the "
                        + "canvas to see a prediction");
            }
            long out = 0;
            for (TensorType t : shapes.outputs(s.nodeId()).values()) {
                out += bytes(t, batchSize);
                exact &= t.isConcreteAfterBatch();
            }
            exact &= e.get().exact();
            saved.add(Math.multiplyExact(e.get().activationBytesPerExample(), (long) batchSize));
            outputs.add(out);
            nanos.add(s.isSource() ? 0L : Math.round(e.get().flopsPerExample() * batchSize));
        }
        return new EstimatedProfile(new NodeProfile(saved, outputs, nanos, false), exact);
    }

    /** Bytes of one tensor of this type for the batch; a scalar (a loss) has no batch dimension. */
    static long bytes(TensorType t, int batchSize) {
        long perExample = t.elementsPerExample(1) * t.dtype().bytes();
        return t.rank() == 0 ? perExample : Math.multiplyExact(perExample, (long) batchSize);
    }
}
