package dev.tensorloom.studio.run;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * A small line chart following one bounded list of points (no animation, no symbols: it redraws often);
 * before the first point it shows "No run yet" instead of empty axes.
 */
final class LiveChart extends LineChart<Number, Number> {
    static final String EMPTY_TEXT = "No run yet";

    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();
    private final ChartPlaceholder placeholder = new ChartPlaceholder(this, EMPTY_TEXT);

    LiveChart(String title, String id, ObservableValue<List<ChartPoint>> points) {
        super(new NumberAxis(), new NumberAxis());
        setId(id);
        setTitle(title);
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(false);
        getStyleClass().add("live-chart");
        ((NumberAxis) getYAxis()).setForceZeroInRange(false);
        getData().add(series);
        getPlotChildren().add(placeholder.label());
        points.addListener((o, a, b) -> show(b));
        show(points.getValue());
    }

    private void show(List<ChartPoint> points) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.size());
        for (ChartPoint p : points) {
            if (Double.isFinite(p.y())) {
                data.add(new XYChart.Data<>(p.x(), p.y()));
            }
        }
        series.getData().setAll(data);
        placeholder.show(data.isEmpty());
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        placeholder.layout(getXAxis().getWidth(), getYAxis().getHeight());
    }

    boolean showsPlaceholder() {
        return placeholder.isShowing();
    }

    XYChart.Series<Number, Number> series() {
        return series;
    }
}
