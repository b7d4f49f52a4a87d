package dev.tensorloom.studio.memory;

import dev.tensorloom.studio.ui.ChartPlaceholder;
import dev.tensorloom.studio.ui.ChartPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.BoundingBox;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;

/**
 * The memory timeline: four series (ledger and measured bytes of {@code none} and of the policy) over the
 * schedule actions of one step, each series' peak marked with a ring and its value, and a cursor at the
 * replay position. Marks are placed in {@link #layoutPlotChildren}, where the axes map values to pixels.
 */
final class MemoryTimelineChart extends LineChart<Number, Number> {
    static final String PEAK = "memory-peak";
    static final String PEAK_LABEL = "memory-peak-label";
    static final String CURSOR = "memory-replay-cursor";
    private static final double RING_RADIUS = 5;
    private static final double LABEL_GAP = 4;

    private final List<Circle> rings = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final Line cursor = new Line();
    private List<PeakMark> marks = List.of();
    private ChartPlaceholder placeholder;
    private double cursorX = -1;

    MemoryTimelineChart() {
        super(new NumberAxis(), new NumberAxis());
        setAnimated(false);
        setCreateSymbols(false);
        cursor.getStyleClass().add(CURSOR);
        cursor.setVisible(false);
        cursor.setManaged(false);
        getPlotChildren().add(cursor);
    }

    /** Shows {@code empty} in the plot while there is nothing to draw. */
    void addPlaceholder(ChartPlaceholder empty) {
        placeholder = empty;
        getPlotChildren().add(empty.label());
    }

    /** Adds a series named {@code name}; returns it for its points. */
    XYChart.Series<Number, Number> addSeries(String name) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        getData().add(series);
        return series;
    }

    static void show(XYChart.Series<Number, Number> series, List<ChartPoint> points) {
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(points.size());
        for (ChartPoint p : points) {
            data.add(new XYChart.Data<>(p.x(), p.y()));
        }
        series.getData().setAll(data);
    }

    /** Replaces the peak marks. */
    void setPeaks(List<PeakMark> peaks) {
        getPlotChildren().removeAll(rings);
        getPlotChildren().removeAll(labels);
        rings.clear();
        labels.clear();
        marks = List.copyOf(peaks);
        for (PeakMark m : marks) {
            Circle ring = new Circle(RING_RADIUS);
            ring.getStyleClass().addAll(PEAK, "series-" + m.series());
            ring.setManaged(false);
            Label label = new Label(m.label());
            label.getStyleClass().addAll(PEAK_LABEL, "series-" + m.series());
            label.setManaged(false);
            rings.add(ring);
            labels.add(label);
        }
        getPlotChildren().addAll(rings);
        getPlotChildren().addAll(labels);
        requestChartLayout();
    }

    /** Moves the replay cursor to schedule action {@code x}; a negative value hides it. */
    void setCursor(double x) {
        cursorX = x;
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis xAxis = (NumberAxis) getXAxis();
        NumberAxis yAxis = (NumberAxis) getYAxis();
        double width = xAxis.getWidth();
        double height = yAxis.getHeight();
        if (placeholder != null) {
            placeholder.layout(width, height);
        }
        cursor.setVisible(cursorX >= 0);
        if (cursorX >= 0) {
            double px = xAxis.getDisplayPosition(cursorX);
            cursor.setStartX(px);
            cursor.setEndX(px);
            cursor.setStartY(0);
            cursor.setEndY(height);
        }
        // Highest peaks first: their labels take the place above the ring, lower ones move aside.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> marks.get(i).y()).reversed());
        List<Bounds> placed = new ArrayList<>();
        for (int i : order) {
            PeakMark m = marks.get(i);
            double px = xAxis.getDisplayPosition(m.x());
            double py = yAxis.getDisplayPosition(m.y());
            Circle ring = rings.get(i);
            ring.setCenterX(px);
            ring.setCenterY(py);
            ring.toFront();
            Label label = labels.get(i);
            label.applyCss();
            label.autosize();
            double w = label.getWidth();
            double h = label.getHeight();
            double lx = px + w + RING_RADIUS + LABEL_GAP > width ? px - w - RING_RADIUS - LABEL_GAP
                    : px + RING_RADIUS + LABEL_GAP;
            // Neither side has room (a peak near the middle of a narrow chart): keep the whole label in the plot.
            lx = Math.max(0, Math.min(lx, width - w));
            double ly = Math.max(0, py - h - RING_RADIUS);
            Bounds box = new BoundingBox(lx, ly, w, h);
            while (overlaps(box, placed) && ly + h < height) {
                ly += h;
                box = new BoundingBox(lx, ly, w, h);
            }
            placed.add(box);
            label.relocate(lx, ly);
            label.toFront();
        }
    }

    private static boolean overlaps(Bounds box, List<Bounds> placed) {
        return placed.stream().anyMatch(box::intersects);
    }
}
