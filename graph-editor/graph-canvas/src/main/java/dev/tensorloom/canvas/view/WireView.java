package dev.tensorloom.canvas.view;

import dev.tensorloom.model.doc.Wire;
import javafx.geometry.Point2D;
import javafx.scene.shape.CubicCurve;

/**
 * A wire drawn as a cubic curve leaving its output port to the right and entering its input from the
 * left. It shows when it is routed (its ends lie in two different shown items) and not held back in
 * the canvas's reserve of wires built ahead. It takes no mouse events itself: a thin curve is hard to
 * hit, so the canvas finds the wire near a click by its geometry (a few pixels either side).
 */
public final class WireView extends CubicCurve {
    private final Wire wire;
    private boolean routed = true;
    private boolean held;

    public WireView(Wire wire) {
        this.wire = wire;
        setId("wire-" + wire.id());
        setUserData("wire:" + wire.id());
        getStyleClass().add(CanvasStyles.WIRE);
        setMouseTransparent(true);
    }

    public Wire wire() {
        return wire;
    }

    /** Whether the wire has two ends to be drawn between; a wire inside one collapsed group has not. */
    public boolean routed() {
        return routed;
    }

    public void setRouted(boolean value) {
        routed = value;
        setVisible(routed && !held);
    }

    /** Keeps the wire in the scene but hidden, styled and ready, until a pass shows it. */
    public void hold(boolean value) {
        held = value;
        setVisible(routed && !held);
    }

    /** Marks the wire as faulty ({@link CanvasStyles#WIRE_PROBLEM}) or clears the mark. */
    public void setProblem(boolean value) {
        if (value && !isProblem()) {
            getStyleClass().add(CanvasStyles.WIRE_PROBLEM);
        } else if (!value) {
            getStyleClass().remove(CanvasStyles.WIRE_PROBLEM);
        }
    }

    public boolean isProblem() {
        return getStyleClass().contains(CanvasStyles.WIRE_PROBLEM);
    }

    /** Shows the wire as the selected one ({@link CanvasStyles#SELECTED}: accent colour, heavier). */
    public void setSelected(boolean value) {
        pseudoClassStateChanged(CanvasStyles.SELECTED, value);
    }

    public boolean isSelected() {
        return getPseudoClassStates().contains(CanvasStyles.SELECTED);
    }

    /** Puts the curve between two points in canvas units. */
    public void connect(Point2D from, Point2D to) {
        shape(this, from, to);
    }

    /** How far the curve's control points reach out sideways from its ends. */
    public static double bend(Point2D from, Point2D to) {
        return Math.max(40, Math.abs(to.getX() - from.getX()) / 2);
    }

    /** Shapes any cubic curve as a wire, so the draft wire looks like the real ones. */
    public static void shape(CubicCurve curve, Point2D from, Point2D to) {
        double bend = bend(from, to);
        curve.setStartX(from.getX());
        curve.setStartY(from.getY());
        curve.setControlX1(from.getX() + bend);
        curve.setControlY1(from.getY());
        curve.setControlX2(to.getX() - bend);
        curve.setControlY2(to.getY());
        curve.setEndX(to.getX());
        curve.setEndY(to.getY());
    }
}
