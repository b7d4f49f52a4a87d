package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.recompute.PlannedPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Saved-activation bytes of one node as profiled, and what the chosen policy does with it. */
public record NodeBytes(String nodeId, long bytes, String treatment) {

    /** The {@code most} largest savers of the basis's plan under {@code policy}, in graph order, so bars read along the model. */
    static List<NodeBytes> largest(PlanningBasis basis, PlannedPolicy policy, int most) {
        List<NodeBytes> all = new ArrayList<>();
        for (Step s : basis.plan().steps()) {
            if (!s.isSource()) {
                all.add(new NodeBytes(s.nodeId(), basis.profile().savedBytes(s.index()),
                        policy.treatment(s.index()).name().toLowerCase()));
            }
        }
        List<NodeBytes> largest = all.stream().sorted(Comparator.comparingLong(NodeBytes::bytes).reversed())
                .limit(most).toList();
        return all.stream().filter(largest::contains).toList();
    }
}
