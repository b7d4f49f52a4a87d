package dev.tensorloom.execution.checkpoint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * The planner's view of a model: nodes {@code 0..n-1} in the topological order the executor
 * will run them, directed edges from lower to higher index, and measured costs per node.
 * Deliberately independent of the document model; the executor builds it. The last node is
 * the one backward starts from (the loss). The graph must be weakly connected.
 */
public final class PlanGraph {

    private final List<PlanNode> nodes;
    private final List<List<Integer>> successors;
    private final List<List<Integer>> predecessors;

    private PlanGraph(List<PlanNode> nodes, List<List<Integer>> successors, List<List<Integer>> predecessors) {
        this.nodes = nodes;
        this.successors = successors;
        this.predecessors = predecessors;
    }

    /** Starts an empty graph. */
    public static Builder builder() {
        return new Builder();
    }

    /** A chain {@code 0 -> 1 -> ... -> n-1} of the given nodes. */
    public static PlanGraph chain(List<PlanNode> nodes) {
        Builder builder = builder();
        for (int i = 0; i < nodes.size(); i++) {
            builder.add(nodes.get(i));
            if (i > 0) {
                builder.edge(i - 1, i);
            }
        }
        return builder.build();
    }

    public int size() {
        return nodes.size();
    }

    public PlanNode node(int index) {
        return nodes.get(index);
    }

    public List<PlanNode> nodes() {
        return nodes;
    }

    public List<Integer> successors(int index) {
        return successors.get(index);
    }

    public List<Integer> predecessors(int index) {
        return predecessors.get(index);
    }

    /** Sum of the nodes' forward times. */
    public long totalForwardNanos() {
        return nodes.stream().mapToLong(PlanNode::forwardNanos).sum();
    }

    /**
     * The same graph with every forward time scaled so that they add up to {@code totalNanos}: per-node
     * times profiled on a slice of the batch give the proportions, one timed step of the whole batch the
     * scale. Unchanged when the nodes take no time at all.
     */
    public PlanGraph withTotalForwardNanos(long totalNanos) {
        long total = totalForwardNanos();
        if (total == 0 || total == totalNanos) {
            return this;
        }
        double factor = (double) totalNanos / total;
        List<PlanNode> scaled = nodes.stream().map(n -> new PlanNode(n.id(), n.savedBytes(), n.outputBytes(),
                Math.round(n.forwardNanos() * factor))).toList();
        return new PlanGraph(scaled, successors, predecessors);
    }

    /** Collects nodes and edges, then checks order and connectivity once in {@link #build()}. */
    public static final class Builder {
        private final List<PlanNode> nodes = new ArrayList<>();
        private final List<int[]> edges = new ArrayList<>();

        /** Adds a node and returns its index. */
        public int add(PlanNode node) {
            nodes.add(node);
            return nodes.size() - 1;
        }

        /** Adds a node and returns its index. */
        public int add(String id, long savedBytes, long outputBytes, long forwardNanos) {
            return add(new PlanNode(id, savedBytes, outputBytes, forwardNanos));
        }

        public Builder edge(int from, int to) {
            edges.add(new int[] {from, to});
            return this;
        }

        /** @throws IllegalArgumentException for an empty, out-of-order or disconnected graph */
        public PlanGraph build() {
            int n = nodes.size();
            if (n == 0) {
                throw new IllegalArgumentException("plan graph has no nodes");
            }
            List<List<Integer>> succ = new ArrayList<>();
            List<List<Integer>> pred = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                succ.add(new ArrayList<>());
                pred.add(new ArrayList<>());
            }
            for (int[] e : edges) {
                if (e[0] < 0 || e[1] >= n || e[0] >= e[1]) {
                    throw new IllegalArgumentException("edge " + e[0] + "->" + e[1]
                            + " is not forward in topological order over " + n + " nodes");
                }
                if (!succ.get(e[0]).contains(e[1])) {
                    succ.get(e[0]).add(e[1]);
                    pred.get(e[1]).add(e[0]);
                }
            }
            requireConnected(succ, pred);
            List<List<Integer>> frozenSucc = new ArrayList<>();
            List<List<Integer>> frozenPred = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                frozenSucc.add(List.copyOf(succ.get(i)));
                frozenPred.add(List.copyOf(pred.get(i)));
            }
            return new PlanGraph(List.copyOf(nodes), Collections.unmodifiableList(frozenSucc),
                    Collections.unmodifiableList(frozenPred));
        }

        private void requireConnected(List<List<Integer>> succ, List<List<Integer>> pred) {
            boolean[] seen = new boolean[nodes.size()];
            Deque<Integer> todo = new ArrayDeque<>(List.of(0));
            seen[0] = true;
            while (!todo.isEmpty()) {
                int v = todo.pop();
                for (List<Integer> next : List.of(succ.get(v), pred.get(v))) {
                    for (int w : next) {
                        if (!seen[w]) {
                            seen[w] = true;
                            todo.push(w);
                        }
                    }
                }
            }
            for (int i = 0; i < seen.length; i++) {
                if (!seen[i]) {
                    throw new IllegalArgumentException("plan graph is not connected: node '"
                            + nodes.get(i).id() + "' is not linked to node '" + nodes.get(0).id() + "'");
                }
            }
        }
    }
}
