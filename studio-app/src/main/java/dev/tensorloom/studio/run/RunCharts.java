package dev.tensorloom.studio.run;

import dev.tensorloom.execution.session.StepMetrics;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The run panel's four live series (loss, the held-out metric, learning rate, throughput), each bounded
 * by a {@link DecimatedSeries}; points are added per event and published to the properties once per batch.
 */
final class RunCharts {
    private final DecimatedSeries loss;
    private final DecimatedSeries metric;
    private final DecimatedSeries learningRate;
    private final DecimatedSeries throughput;
    private final ReadOnlyObjectWrapper<List<ChartPoint>> lossPoints = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<ChartPoint>> metricPoints = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<ChartPoint>> learningRatePoints = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<ChartPoint>> throughputPoints = new ReadOnlyObjectWrapper<>(List.of());

    RunCharts(int points) {
        loss = new DecimatedSeries(points);
        metric = new DecimatedSeries(points);
        learningRate = new DecimatedSeries(points);
        throughput = new DecimatedSeries(points);
    }

    void step(StepMetrics m) {
        loss.add(m.step(), m.loss());
        learningRate.add(m.step(), m.learningRate());
        throughput.add(m.step(), m.examplesPerSecond());
    }

    void metric(long step, double value) {
        metric.add(step, value);
    }

    /** Hands the series to the charts. */
    void publish() {
        lossPoints.set(loss.points());
        metricPoints.set(metric.points());
        learningRatePoints.set(learningRate.points());
        throughputPoints.set(throughput.points());
    }

    void clear() {
        loss.clear();
        metric.clear();
        learningRate.clear();
        throughput.clear();
        publish();
    }

    ReadOnlyObjectProperty<List<ChartPoint>> loss() {
        return lossPoints.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<List<ChartPoint>> metric() {
        return metricPoints.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<List<ChartPoint>> learningRate() {
        return learningRatePoints.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<List<ChartPoint>> throughput() {
        return throughputPoints.getReadOnlyProperty();
    }
}
