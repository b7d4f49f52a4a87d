package dev.tensorloom.execution.checkpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Predicts memory and recomputation of a segmentation. The one peak model every planner
 * shares, so the policies are compared on equal terms.
 *
 * <p>Backward visits segments last to first; when it reaches segment {@code k}, everything
 * belonging to later segments has been released. So the bytes held while segment {@code k}
 * is being differentiated are
 * <pre>
 *   M(k) = sum over j &lt;= k of held(j)  +  (segment k recomputed ? saved(k) : 0)
 *   held(j) = saved(j)                       if segment j is STORED
 *           = outputBytes(node first(j)-1)   if segment j is RECOMPUTED (its checkpoint;
 *                                            0 for the first segment, the batch is not counted)
 * </pre>
 * and the predicted peak is the largest {@code M(k)}. The end of the forward pass holds at
 * most {@code M(last)}, so it never sets the peak. Not counted: gradients, parameters, the
 * batch, the single transient tensor in flight, and any overlap between a checkpoint and the
 * saved activations of the segment before it (counted twice, so the model errs high).
 */
public final class SegmentCostModel {

    /**
     * Predictions for one segmentation.
     *
     * @param peakBytes largest {@code M(k)}
     * @param recomputeCount node forwards run a second time
     * @param extraNanos time of those forwards
     * @param keptNodes checkpointed nodes (inputs of recomputed segments), ascending
     */
    public record Costs(long peakBytes, long recomputeCount, long extraNanos, List<Integer> keptNodes) {
    }

    private SegmentCostModel() {
    }

    /** Evaluates segments that must tile {@code 0..n-1} in order. */
    public static Costs evaluate(PlanGraph graph, List<Segment> segments) {
        requireTiling(graph, segments);
        long prefix = 0;
        long peak = 0;
        long recomputed = 0;
        long nanos = 0;
        List<Integer> kept = new ArrayList<>();
        for (Segment s : segments) {
            long saved = savedBytes(graph, s.first(), s.last());
            if (s.mode() == Segment.Mode.STORED) {
                prefix += saved;
                peak = Math.max(peak, prefix);
            } else {
                if (s.first() > 0) {
                    prefix += graph.node(s.first() - 1).outputBytes();
                    kept.add(s.first() - 1);
                }
                peak = Math.max(peak, prefix + saved);
                recomputed += s.size();
                nanos += forwardNanos(graph, s.first(), s.last());
            }
        }
        return new Costs(peak, recomputed, nanos, List.copyOf(kept));
    }

    static long savedBytes(PlanGraph graph, int first, int last) {
        long sum = 0;
        for (int i = first; i <= last; i++) {
            sum += graph.node(i).savedBytes();
        }
        return sum;
    }

    static long forwardNanos(PlanGraph graph, int first, int last) {
        long sum = 0;
        for (int i = first; i <= last; i++) {
            sum += graph.node(i).forwardNanos();
        }
        return sum;
    }

    private static void requireTiling(PlanGraph graph, List<Segment> segments) {
        int next = 0;
        for (Segment s : segments) {
            if (s.first() != next) {
                throw new IllegalArgumentException("segments must tile the graph in order; expected a segment at " + next);
            }
            next = s.last() + 1;
        }
        if (next != graph.size()) {
            throw new IllegalArgumentException("segments end at " + (next - 1) + ", graph has " + graph.size() + " nodes");
        }
    }
}
