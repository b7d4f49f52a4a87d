package dev.tensorloom.studio.memory;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.layout.Region;

/**
 * The memory view's rows, top to bottom: controls, charts, replay, plan text. Controls and replay take
 * their preferred height; the plan text keeps its full wrapped height while the charts can give up
 * theirs down to {@link #CHARTS_MIN_HEIGHT}, and scrolls below that. Shorter than its minimum, the
 * enclosing scroll pane scrolls the rows as a whole, so nothing is ever cut off or overlaps.
 */
final class MemoryRows extends Region {
    /** Gap between the rows. */
    static final double GAP = 6;
    /** The charts give up height down to this before the plan text starts to scroll. */
    static final double CHARTS_MIN_HEIGHT = 130;
    /** The plan text keeps at least this much (about three lines) however short the view. */
    static final double TEXT_MIN_HEIGHT = 56;

    private final Region controls;
    private final Region charts;
    private final Region replay;
    private final PlanTextPane planText;

    MemoryRows(Region controls, Region charts, Region replay, PlanTextPane planText) {
        this.controls = controls;
        this.charts = charts;
        this.replay = replay;
        this.planText = planText;
        getStyleClass().add("memory-rows");
        setPadding(new Insets(GAP));
        getChildren().addAll(controls, charts, replay, planText);
    }

    Region charts() {
        return charts;
    }

    PlanTextPane planText() {
        return planText;
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double h = getHeight() - y - snappedBottomInset();
        double controlsHeight = snapSizeY(controls.prefHeight(w));
        double replayHeight = snapSizeY(replay.prefHeight(w));
        double rest = h - controlsHeight - replayHeight - 3 * GAP;
        double textHeight = planTextHeight(planText.fullHeight(w), rest, chartsMinHeight(w));
        double chartsHeight = Math.max(0, rest - textHeight);
        controls.resizeRelocate(x, y, w, controlsHeight);
        y += controlsHeight + GAP;
        charts.resizeRelocate(x, y, w, chartsHeight);
        y += chartsHeight + GAP;
        replay.resizeRelocate(x, y, w, replayHeight);
        y += replayHeight + GAP;
        planText.resizeRelocate(x, y, w, textHeight);
    }

    /** The plan text's share of the height left after controls and replay: all it needs while the charts keep their minimum. */
    static double planTextHeight(double fullHeight, double rest) {
        return planTextHeight(fullHeight, rest, CHARTS_MIN_HEIGHT);
    }

    static double planTextHeight(double fullHeight, double rest, double chartsMin) {
        double least = Math.min(fullHeight, TEXT_MIN_HEIGHT);
        return Math.max(0, Math.min(fullHeight, Math.max(least, rest - chartsMin)));
    }

    /**
     * The least height the charts row gives up to: {@link #CHARTS_MIN_HEIGHT}, or more where the row's own
     * content (the explorer's heading and its wrapped summary in a narrow window) needs more, so that it never
     * spills over the rows below.
     */
    double chartsMinHeight(double inner) {
        return Math.max(CHARTS_MIN_HEIGHT, snapSizeY(charts.minHeight(inner)));
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + snappedRightInset()
                + Math.max(controls.prefWidth(-1), Math.max(charts.prefWidth(-1), replay.prefWidth(-1)));
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = innerWidth(width);
        return fixedHeight(inner) + charts.prefHeight(inner) + planText.fullHeight(inner);
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + replay.minWidth(-1);
    }

    @Override
    protected double computeMinHeight(double width) {
        double inner = innerWidth(width);
        return fixedHeight(inner) + chartsMinHeight(inner) + Math.min(TEXT_MIN_HEIGHT, planText.fullHeight(inner));
    }

    @Override
    public Orientation getContentBias() {
        // The controls wrap and the text reflows: the height follows the width.
        return Orientation.HORIZONTAL;
    }

    /** Insets, gaps, controls and replay: the height that does not stretch. */
    private double fixedHeight(double inner) {
        return snappedTopInset() + snappedBottomInset() + 3 * GAP + snapSizeY(controls.prefHeight(inner))
                + snapSizeY(replay.prefHeight(inner));
    }

    private double innerWidth(double width) {
        double w = width < 0 ? (getWidth() > 0 ? getWidth() : computePrefWidth(-1)) : width;
        return w - snappedLeftInset() - snappedRightInset();
    }
}
