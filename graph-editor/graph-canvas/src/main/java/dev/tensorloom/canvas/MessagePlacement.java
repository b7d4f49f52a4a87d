package dev.tensorloom.canvas;

import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;

/**
 * Where the canvas's message box goes in a viewport: beside the port it is about and never over it, or at
 * the bottom centre when it is about no port. Pure geometry, in the canvas control's coordinates.
 */
final class MessagePlacement {
    /** Space between the port and the message. */
    static final double GAP = 10;
    /** Space kept free at the viewport's edges. */
    static final double MARGIN = 8;
    /** Space under a message shown at the bottom centre. */
    static final double BOTTOM = 24;

    private MessagePlacement() {
    }

    /**
     * The top-left corner of a {@code width} × {@code height} box beside {@code port}: to its left first (where the
     * wire came from, away from the block the port belongs to), else below, above or to its right, whichever fits
     * in the viewport, slid along the port's side to stay inside; when none fits, to the left, pushed inside.
     */
    static Point2D beside(Bounds port, double width, double height, double viewWidth, double viewHeight) {
        double middleY = port.getCenterY() - height / 2;
        double middleX = port.getCenterX() - width / 2;
        List<Point2D> sides = List.of(
                new Point2D(port.getMinX() - GAP - width, clampY(middleY, height, viewHeight)),
                new Point2D(clampX(middleX, width, viewWidth), port.getMaxY() + GAP),
                new Point2D(clampX(middleX, width, viewWidth), port.getMinY() - GAP - height),
                new Point2D(port.getMaxX() + GAP, clampY(middleY, height, viewHeight)));
        for (Point2D at : sides) {
            if (inside(at, width, height, viewWidth, viewHeight)) {
                return at;
            }
        }
        return new Point2D(clampX(sides.get(0).getX(), width, viewWidth), sides.get(0).getY());
    }

    /** The top-left corner of a box centred at the bottom of the viewport. */
    static Point2D bottomCentre(double width, double height, double viewWidth, double viewHeight) {
        return new Point2D(clampX((viewWidth - width) / 2, width, viewWidth),
                clampY(viewHeight - BOTTOM - height, height, viewHeight));
    }

    /** The box a corner and size make, for tests and callers that compare boxes. */
    static Bounds box(Point2D at, double width, double height) {
        return new BoundingBox(at.getX(), at.getY(), width, height);
    }

    private static boolean inside(Point2D at, double width, double height, double viewWidth, double viewHeight) {
        return at.getX() >= MARGIN && at.getY() >= MARGIN && at.getX() + width <= viewWidth - MARGIN
                && at.getY() + height <= viewHeight - MARGIN;
    }

    private static double clampX(double x, double width, double viewWidth) {
        return Math.max(MARGIN, Math.min(x, viewWidth - MARGIN - width));
    }

    private static double clampY(double y, double height, double viewHeight) {
        return Math.max(MARGIN, Math.min(y, viewHeight - MARGIN - height));
    }
}
