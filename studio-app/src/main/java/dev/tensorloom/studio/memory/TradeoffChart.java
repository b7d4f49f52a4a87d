package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.checkpoint.Tradeoff;
import dev.tensorloom.execution.checkpoint.TradeoffPoint;
import dev.tensorloom.studio.ui.ChartPlaceholder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.util.Duration;

/**
 * The trade-off chart: predicted peak of saved activations against predicted step time, both on log scales,
 * one dot per policy. The frontier is joined by a line, the other policies are plain dots, measured
 * policies are diamonds, and a ring marks the chosen one. Hovering a dot names its policy and numbers;
 * clicking it hands its point to {@code onChoose}.
 */
final class TradeoffChart extends LineChart<Number, Number> {
    static final String POINT = "tradeoff-point";
    static final String CHOSEN = "tradeoff-chosen";
    private static final double RING_RADIUS = 8;
    /** Why a Revolve point's measured peak reads above its prediction (see TradeoffAgreementTest). */
    static final String REVOLVE_GAP = "\nRevolve measures up to about 2 MiB above this: the prediction leaves out the state "
            + "in hand and the gradients in flight while a segment is reversed";

    private final XYChart.Series<Number, Number> frontier = series("frontier");
    private final XYChart.Series<Number, Number> others = series("other");
    private final XYChart.Series<Number, Number> measured = series("measured");
    private final Circle ring = new Circle(RING_RADIUS);
    private final ChartPlaceholder placeholder;
    private final Consumer<TradeoffPoint> onChoose;
    private TradeoffPoint chosen;
    private long noneStepNanos;

    TradeoffChart(String emptyText, Consumer<TradeoffPoint> onChoose) {
        super(new LogAxis(LogScale::ratio), new LogAxis(LogScale::mib));
        this.onChoose = onChoose;
        setAnimated(false);
        getXAxis().setLabel("step time, × none's (log)");
        // No y-axis label: at the memory tab's usual height a rotated label is cut to "pe…"; the heading
        // names the axis and the ticks carry their unit.
        getData().addAll(List.of(frontier, others, measured));
        ring.getStyleClass().add(CHOSEN);
        ring.setManaged(false);
        ring.setMouseTransparent(true);
        ring.setVisible(false);
        getPlotChildren().add(ring);
        placeholder = new ChartPlaceholder(this, emptyText);
        getPlotChildren().add(placeholder.label());
    }

    private XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    ChartPlaceholder placeholder() {
        return placeholder;
    }

    /** Shows every point of {@code tradeoff} (none: the placeholder). */
    void show(Tradeoff tradeoff) {
        placeholder.show(tradeoff == null);
        // A zero line would stand at ×1 and 1 MiB, values with no special meaning on a log scale.
        setHorizontalZeroLineVisible(false);
        setVerticalZeroLineVisible(false);
        if (tradeoff == null) {
            frontier.getData().clear();
            others.getData().clear();
            return;
        }
        noneStepNanos = tradeoff.noneStepNanos();
        List<XYChart.Data<Number, Number>> onFrontier = new ArrayList<>();
        List<XYChart.Data<Number, Number>> rest = new ArrayList<>();
        for (TradeoffPoint p : tradeoff.points()) {
            XYChart.Data<Number, Number> d = data(p.timeRatio(noneStepNanos), p.peakBytes(), describe(p), p);
            (p.onFrontier() ? onFrontier : rest).add(d);
        }
        frontier.getData().setAll(onFrontier);
        others.getData().setAll(rest);
        requestChartLayout();
    }

    /** Shows the measured points. */
    void showMeasured(List<MeasuredPoint> points) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>();
        for (MeasuredPoint m : points) {
            data.add(data(m.timeRatio(), m.peakBytes(), describe(m), null));
        }
        measured.getData().setAll(data);
    }

    /** Rings the chosen point; null hides the ring. */
    void setChosen(TradeoffPoint point) {
        chosen = point;
        requestChartLayout();
    }

    private XYChart.Data<Number, Number> data(double ratio, long bytes, String text, TradeoffPoint point) {
        XYChart.Data<Number, Number> d = new XYChart.Data<>(LogScale.toAxis(Math.max(ratio, 1e-3)),
                LogScale.toAxis(Math.max(bytes, 1) / TimelineSeries.MIB));
        // The chart styles the dot it finds on the data (series colour); the dot carries the tooltip and the click.
        StackPane dot = new StackPane();
        dot.getStyleClass().add(POINT);
        Tooltip tip = new Tooltip(text);
        tip.setShowDelay(Duration.millis(150));
        Tooltip.install(dot, tip);
        if (point != null) {
            dot.setUserData(point);
            dot.setOnMouseClicked(e -> onChoose.accept(point));
        }
        d.setNode(dot);
        return d;
    }

    static String describe(TradeoffPoint p, long noneStepNanos) {
        return String.format(Locale.ROOT, "%s%s%npredicted peak %s, step ×%.2f (%s)%n%d forwards run again%s%n"
                + "click: plan it and use it for the next run", p.policy(), p.onFrontier() ? " — on the frontier" : "",
                PolicyPrediction.mib(p.peakBytes()), p.timeRatio(noneStepNanos), millis(p.stepNanos()),
                p.recomputeCount(), p.policy().kind() == CheckpointPolicy.Kind.REVOLVE ? REVOLVE_GAP : "");
    }

    private String describe(TradeoffPoint p) {
        return describe(p, noneStepNanos);
    }

    private static String describe(MeasuredPoint m) {
        return String.format(Locale.ROOT, "%s measured (batch %d)%npeak %s (%s), step ×%.2f of none's in the same run",
                m.policy(), m.batchSize(), PolicyPrediction.mib(m.peakBytes()),
                m.nativeMemory() ? "native memory above the step's start" : "ledger: node outputs only, a lower bound",
                m.timeRatio());
    }

    private static String millis(long nanos) {
        return nanos >= 10_000_000 ? String.format(Locale.ROOT, "%.0f ms", nanos / 1e6)
                : String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        var x = getXAxis();
        var y = getYAxis();
        placeholder.layout(x.getWidth(), y.getHeight());
        ring.setVisible(chosen != null && !placeholder.isShowing());
        if (chosen != null) {
            ring.setCenterX(x.getDisplayPosition(LogScale.toAxis(Math.max(chosen.timeRatio(noneStepNanos), 1e-3))));
            ring.setCenterY(y.getDisplayPosition(LogScale.toAxis(Math.max(chosen.peakBytes(), 1) / TimelineSeries.MIB)));
            ring.toFront();
        }
    }
}
