package dev.tensorloom.studio.run;

import dev.tensorloom.execution.session.StepMetrics;
import dev.tensorloom.studio.ui.AxisRange;
import dev.tensorloom.studio.ui.ChartPoint;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The run panel's four live series (loss, held-out metric, learning rate, throughput), each bounded by a
 * {@link DecimatedSeries} and published as a point list once per batch of events, not per step; and what the
 * metric chart says while it has no point yet (when the first evaluation comes).
 */
public final class RunCharts {
    private static final String THROUGHPUT = "Examples / s";
    static final String NO_RUN = "No run yet";

    private final DecimatedSeries loss;
    private final DecimatedSeries metric;
    private final DecimatedSeries learningRate;
    private final DecimatedSeries throughput;
    private final ReadOnlyObjectWrapper<List<ChartPoint>> lossPoints = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<ChartPoint>> metricPoints = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<ChartPoint>> learningRatePoints = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<ChartPoint>> throughputPoints = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<AxisRange> stepRange = new ReadOnlyObjectWrapper<>(AxisRange.steps(0));
    private final ReadOnlyStringWrapper throughputTitle = new ReadOnlyStringWrapper(THROUGHPUT + " (wall clock)");
    private final ReadOnlyStringWrapper metricWaiting = new ReadOnlyStringWrapper(NO_RUN);

    /** @param points most points each series keeps */
    RunCharts(int points) {
        loss = new DecimatedSeries(points);
        metric = new DecimatedSeries(points);
        learningRate = new DecimatedSeries(points);
        throughput = new DecimatedSeries(points);
    }

    void step(StepMetrics m) {
        throughputTitle.set(THROUGHPUT + " (" + m.speedBasis() + ")");
        loss.add(m.step(), m.loss());
        learningRate.add(m.step(), m.learningRate());
        throughput.add(m.step(), m.examplesPerSecond());
    }

    void metric(long step, double value) {
        metric.add(step, value);
    }

    /**
     * A run of {@code steps} steps starts after step {@code from} (0 for a new run), evaluating every
     * {@code evalEvery} steps (0: only after the last): the metric chart says when its first point comes.
     */
    void started(long from, long steps, int evalEvery) {
        long first = evalEvery > 0 ? Math.min((from / evalEvery + 1) * evalEvery, steps) : steps;
        metricWaiting.set(String.format("First evaluation after step %,d", first));
    }

    /** The run ended: a metric chart still empty says that this run was not evaluated. */
    void ended() {
        if (metric.points().isEmpty()) {
            metricWaiting.set("No held-out evaluation in this run");
        }
    }

    /** Shows what the series hold now. */
    void publish() {
        lossPoints.set(loss.points());
        metricPoints.set(metric.points());
        learningRatePoints.set(learningRate.points());
        throughputPoints.set(throughput.points());
        // Every chart spans the same steps, the run's latest, so a metric evaluated now and then lines up with
        // the loss at the same step instead of stretching its few points across the whole width.
        double last = 0;
        for (List<ChartPoint> points : List.of(lossPoints.get(), metricPoints.get(), learningRatePoints.get(),
                throughputPoints.get())) {
            last = points.isEmpty() ? last : Math.max(last, points.get(points.size() - 1).x());
        }
        stepRange.set(AxisRange.steps(last));
    }

    /** Empties every series, shown at once; the metric chart waits for a run again. */
    void clear() {
        metricWaiting.set(NO_RUN);
        loss.clear();
        metric.clear();
        learningRate.clear();
        throughput.clear();
        publish();
    }

    public ReadOnlyObjectProperty<List<ChartPoint>> lossPoints() {
        return lossPoints.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<ChartPoint>> metricPoints() {
        return metricPoints.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<ChartPoint>> learningRatePoints() {
        return learningRatePoints.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<ChartPoint>> throughputPoints() {
        return throughputPoints.getReadOnlyProperty();
    }

    /** The step range every chart shows: 0 to the newest step, on round ticks. */
    public ReadOnlyObjectProperty<AxisRange> stepRange() {
        return stepRange.getReadOnlyProperty();
    }

    /** Title of the speed chart: what the speed is measured by (wall clock, and on how many threads). */
    public ReadOnlyStringProperty throughputTitle() {
        return throughputTitle.getReadOnlyProperty();
    }

    /** What the metric chart says while it has no point: no run yet, or when the first evaluation comes. */
    public ReadOnlyStringProperty metricWaiting() {
        return metricWaiting.getReadOnlyProperty();
    }
}
