package dev.tensorloom.execution.checkpoint;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every policy the planner offers for one model, predicted: the points of the memory/time trade-off,
 * in the order {@link TradeoffExplorer} tried them, with the Pareto frontier marked.
 *
 * @param points        one point per distinct prediction
 * @param noneStepNanos the step time without checkpointing that every point's step time adds to
 */
public record Tradeoff(List<TradeoffPoint> points, long noneStepNanos) {

    public Tradeoff {
        points = List.copyOf(points);
    }

    /** The points on the frontier, from the least memory to the most. */
    public List<TradeoffPoint> frontier() {
        return points.stream().filter(TradeoffPoint::onFrontier)
                .sorted(Comparator.comparingLong(TradeoffPoint::peakBytes)).toList();
    }

    /** The smallest predicted peak of any point. */
    public long leastPeakBytes() {
        return points.stream().mapToLong(TradeoffPoint::peakBytes).min().orElse(0);
    }

    /** The point of {@code policy}, if it was explored. */
    public Optional<TradeoffPoint> point(CheckpointPolicy policy) {
        return points.stream().filter(p -> p.policy().equals(policy)).findFirst();
    }

    /** The fastest point whose predicted peak fits in {@code bytes} (ties: the smaller peak), if any does. */
    public Optional<TradeoffPoint> fastestWithin(long bytes) {
        return points.stream().filter(p -> p.peakBytes() <= bytes)
                .min(Comparator.comparingLong(TradeoffPoint::stepNanos).thenComparingLong(TradeoffPoint::peakBytes));
    }
}
