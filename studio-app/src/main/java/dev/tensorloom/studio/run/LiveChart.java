package dev.tensorloom.studio.run;

import dev.tensorloom.studio.ui.AxisRange;
import dev.tensorloom.studio.ui.ChartPlaceholder;
import dev.tensorloom.studio.ui.ChartPoint;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * A small line chart following one bounded list of points (no animation, no symbols: it redraws often);
 * before the first point it shows a sentence instead of empty axes ("No run yet", or what it waits for). Its x axis ("step") spans the steps
 * shared by the run's charts; its y axis is titled, ranged on round ticks around its points (never a single
 * point; from 0 for quantities that cannot be negative) and labelled in three significant digits.
 */
final class LiveChart extends LineChart<Number, Number> {
    static final String EMPTY_TEXT = RunCharts.NO_RUN;

    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();
    private final ChartPlaceholder placeholder = new ChartPlaceholder(this, EMPTY_TEXT);
    private final ObservableValue<List<ChartPoint>> points;
    /** The hidden ancestor (a run tab not selected) whose showing brings the chart up to date; null when shown. */
    private Node hiddenBy;
    private final ChangeListener<Boolean> reshow = (o, a, visible) -> {
        if (visible) {
            unwatch();
            update();
        }
    };

    private final boolean nonNegative;

    LiveChart(String title, String id, ObservableValue<List<ChartPoint>> points) {
        this(title, id, points, null, "", false);
    }

    /**
     * @param steps       the step range to span (shared with the other charts); null ranges on the points
     * @param valueTitle  the y axis' title (a unit or the quantity)
     * @param nonNegative whether the values cannot be negative, so the axis starts at 0 or above
     */
    LiveChart(String title, String id, ObservableValue<List<ChartPoint>> points, ObservableValue<AxisRange> steps,
            String valueTitle, boolean nonNegative) {
        super(new NumberAxis(), new NumberAxis());
        this.nonNegative = nonNegative;
        setId(id);
        setTitle(title);
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(false);
        getStyleClass().add("live-chart");
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        x.setLabel("step");
        y.setLabel(valueTitle);
        y.setAutoRanging(false);
        y.setTickLabelFormatter(TICKS);
        x.setTickLabelFormatter(TICKS);
        if (steps != null) {
            x.setAutoRanging(false);
            steps.addListener((o, a, b) -> range(x, b));
            range(x, steps.getValue());
        }
        getData().add(series);
        getPlotChildren().add(placeholder.label());
        this.points = points;
        points.addListener((o, a, b) -> update());
        show(points.getValue());
    }

    /**
     * Redraws only while the chart can be seen: a chart in a run tab that is not selected still did its whole
     * layout (axis ranges, tick labels) on every update, which cost the window's frames while training with
     * another view in front. The newest points are drawn when the tab shows again.
     */
    private void update() {
        Node hidden = hiddenAncestor();
        if (hidden == null) {
            show(points.getValue());
        } else if (hidden != hiddenBy) {
            unwatch();
            hiddenBy = hidden;
            hidden.visibleProperty().addListener(reshow);
        }
    }

    private Node hiddenAncestor() {
        for (Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return n;
            }
        }
        return null;
    }

    private void unwatch() {
        if (hiddenBy != null) {
            hiddenBy.visibleProperty().removeListener(reshow);
            hiddenBy = null;
        }
    }

    private void show(List<ChartPoint> points) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.size());
        for (ChartPoint p : points) {
            if (Double.isFinite(p.y())) {
                data.add(new XYChart.Data<>(p.x(), p.y()));
            }
        }
        series.getData().setAll(data);
        range((NumberAxis) getYAxis(), AxisRange.values(points, nonNegative));
        placeholder.show(data.isEmpty());
    }

    private static void range(NumberAxis axis, AxisRange r) {
        axis.setLowerBound(r.lower());
        axis.setUpperBound(r.upper());
        axis.setTickUnit(r.tick());
    }

    private static final javafx.util.StringConverter<Number> TICKS = new javafx.util.StringConverter<>() {
        @Override
        public String toString(Number n) {
            return AxisRange.label(n.doubleValue());
        }

        @Override
        public Number fromString(String s) {
            throw new UnsupportedOperationException("tick labels are only shown");
        }
    };

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        placeholder.layout(getXAxis().getWidth(), getYAxis().getHeight());
    }

    /** The sentence shown while the chart has no point. */
    javafx.beans.property.StringProperty emptyTextProperty() {
        return placeholder.textProperty();
    }

    boolean showsPlaceholder() {
        return placeholder.isShowing();
    }

    XYChart.Series<Number, Number> series() {
        return series;
    }
}
