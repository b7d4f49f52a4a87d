package dev.tensorloom.execution.recompute;

import dev.tensorloom.execution.checkpoint.PlanGraph;
import dev.tensorloom.execution.checkpoint.PlanNode;
import dev.tensorloom.execution.compile.InputRef;
import dev.tensorloom.execution.compile.Plan;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.profile.NodeProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The planner's {@link PlanGraph} of a compiled plan, and the map between its node indices and plan
 * steps. Source steps are left out: the executor holds the batch for the whole pass, so an edge from
 * the batch never forces anything to be kept (planner state 0 is the batch). Nodes follow plan order;
 * edges follow the steps' inputs.
 *
 * @param graph  the planner's graph
 * @param stepOf for each graph node, its plan step index
 */
public record StepGraph(PlanGraph graph, int[] stepOf) {

    public StepGraph {
        stepOf = stepOf.clone();
    }

    /**
     * Builds the graph with the profile's costs.
     *
     * <p>When the steps fall into several pieces once the batch is left out (say two branches that meet
     * only at the data), the first node of each later piece gets an extra edge from node 0. That edge
     * only removes boundaries, so the schedules stay correct, just less thrifty.
     */
    public static StepGraph of(Plan plan, NodeProfile profile) {
        int[] graphIndex = new int[plan.size()];
        Arrays.fill(graphIndex, -1);
        List<Integer> steps = new ArrayList<>();
        PlanGraph.Builder builder = PlanGraph.builder();
        for (Step s : plan.steps()) {
            if (s.isSource()) {
                continue;
            }
            int i = s.index();
            graphIndex[i] = builder.add(new PlanNode(s.nodeId(), profile.savedBytes(i), profile.outputBytes(i),
                    profile.forwardNanos(i)));
            steps.add(i);
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("the plan has no layers to schedule");
        }
        int n = steps.size();
        int[] parent = new int[n];
        for (int v = 0; v < n; v++) {
            parent[v] = v;
        }
        for (int g = 0; g < n; g++) {
            Step s = plan.step(steps.get(g));
            for (Optional<InputRef> ref : s.inputs()) {
                if (ref.isPresent() && graphIndex[ref.get().step()] >= 0) {
                    int from = graphIndex[ref.get().step()];
                    builder.edge(from, g);
                    parent[find(parent, from)] = find(parent, g);
                }
            }
        }
        for (int g = 1; g < n; g++) {
            if (find(parent, g) != find(parent, 0)) {
                builder.edge(0, g);
                parent[find(parent, g)] = find(parent, 0);
            }
        }
        return new StepGraph(builder.build(), steps.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    /** Plan step of graph node {@code g}. */
    public int step(int g) {
        return stepOf[g];
    }

    public int size() {
        return stepOf.length;
    }
}
