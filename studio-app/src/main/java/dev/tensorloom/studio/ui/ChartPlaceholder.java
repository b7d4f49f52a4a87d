package dev.tensorloom.studio.ui;

import java.util.List;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;

/**
 * A chart's empty state: while it has nothing to show, its axes and grid lines are hidden (an empty
 * auto-ranging axis would show a made-up 0–100 scale) and a short sentence sits in the middle of the plot.
 * The chart adds {@link #label()} to its plot children and calls {@link #layout} from its plot layout.
 */
public final class ChartPlaceholder {
    public static final String STYLE = "chart-placeholder";

    private final XYChart<?, ?> chart;
    private final Label label;

    public ChartPlaceholder(XYChart<?, ?> chart, String text) {
        this.chart = chart;
        this.label = new Label(text);
        label.getStyleClass().add(STYLE);
        label.setManaged(false);
        label.setWrapText(true);
        show(true);
    }

    public Label label() {
        return label;
    }

    /** The sentence, for a chart whose empty state says more than one thing (no run yet, or what it waits for). */
    public javafx.beans.property.StringProperty textProperty() {
        return label.textProperty();
    }

    /** Shows the sentence and hides the scales ({@code empty}), or the other way round. */
    public void show(boolean empty) {
        label.setVisible(empty);
        chart.getXAxis().setTickLabelsVisible(!empty);
        chart.getXAxis().setTickMarkVisible(!empty);
        chart.getYAxis().setTickLabelsVisible(!empty);
        chart.getYAxis().setTickMarkVisible(!empty);
        for (var axis : List.of(chart.getXAxis(), chart.getYAxis())) {
            if (axis instanceof ValueAxis<?> values) {
                values.setMinorTickVisible(!empty);
            }
        }
        chart.setHorizontalGridLinesVisible(!empty);
        chart.setVerticalGridLinesVisible(!empty);
        chart.setHorizontalZeroLineVisible(!empty);
        chart.setVerticalZeroLineVisible(!empty);
    }

    public boolean isShowing() {
        return label.isVisible();
    }

    /** Centres the sentence in a plot area of this size. */
    public void layout(double width, double height) {
        label.setMaxWidth(Math.max(40, width - 8));
        label.applyCss();
        label.autosize();
        label.relocate(Math.max(0, (width - label.getWidth()) / 2), Math.max(0, (height - label.getHeight()) / 2));
    }
}
