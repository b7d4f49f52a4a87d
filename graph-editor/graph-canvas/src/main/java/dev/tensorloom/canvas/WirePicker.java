package dev.tensorloom.canvas;

import dev.tensorloom.canvas.scene.GraphViews;
import dev.tensorloom.canvas.view.WireView;
import java.util.function.BooleanSupplier;
import javafx.geometry.Point2D;
import javafx.scene.shape.CubicCurve;

/**
 * Finds the shown wire under a point of the canvas. A wire is drawn 1.6 px wide, too thin to aim at, so a
 * point within {@link #TOLERANCE} screen pixels of its curve counts as on it, at every zoom. Only the empty
 * canvas asks: blocks and ports lie above the wires and take their clicks first.
 *
 * <p>Where the overview bitmap is drawn (big graphs zoomed far out) there are no wire views to hit: a wire
 * is then the straight segment the overview draws between its items' stored places, and a point on a
 * block's box takes no wire, since the boxes are drawn over the wires there too.
 */
final class WirePicker {
    /** How far from a wire's curve, in screen pixels, a click still hits it. */
    static final double TOLERANCE = 5;
    /** Points sampled along a curve; its bends are gentle, so the chords stay within a fraction of a pixel. */
    private static final int SAMPLES = 48;

    private final GraphCanvas canvas;
    private final GraphViews views;
    /** Whether the overview bitmap is drawn now (instead of, or under, the views). */
    private final BooleanSupplier overviewShown;

    WirePicker(GraphCanvas canvas, GraphViews views, BooleanSupplier overviewShown) {
        this.canvas = canvas;
        this.views = views;
        this.overviewShown = overviewShown;
    }

    /** The id of the shown wire nearest a point in the canvas control's coordinates, within reach; else null. */
    String wireAt(Point2D local) {
        Point2D at = canvas.screenToCanvas(local);
        double reach = TOLERANCE / canvas.getZoom();
        String drawn = viewAt(at, reach);
        return drawn != null || !overviewShown.getAsBoolean() ? drawn : overviewWireAt(at, reach);
    }

    /** The nearest wire view drawn now within {@code reach} canvas units of a canvas point, or null. */
    private String viewAt(Point2D at, double reach) {
        String nearest = null;
        double best = reach;
        for (String id : views.wiresIn(at.getX() - reach, at.getY() - reach, at.getX() + reach, at.getY() + reach)) {
            // Only wires drawn now: one held back, culled, inside a collapsed group or in the layer hidden under
            // the overview is not there to click.
            WireView view = views.isPreparedWire(id) ? views.wire(id) : null;
            if (view == null || !view.isVisible() || view.getParent() == null || !view.getParent().isVisible()) {
                continue;
            }
            double d = distance(view, at);
            if (d <= best) {
                best = d;
                nearest = id;
            }
        }
        return nearest;
    }

    /** The nearest wire the overview draws within {@code reach} canvas units of a canvas point, off the boxes. */
    private String overviewWireAt(Point2D at, double reach) {
        if (!views.itemsIn(at.getX(), at.getY(), at.getX(), at.getY()).isEmpty()) {
            return null;
        }
        String nearest = null;
        double best = reach;
        for (String id : views.wiresIn(at.getX() - reach, at.getY() - reach, at.getX() + reach, at.getY() + reach)) {
            Point2D[] ends = views.wireSegment(id);
            if (ends == null) {
                continue;
            }
            double d = toSegment(at, ends[0], ends[1]);
            if (d <= best) {
                best = d;
                nearest = id;
            }
        }
        return nearest;
    }

    /** The distance from a point to a cubic curve, both in the same units, along chords of the curve. */
    static double distance(CubicCurve c, Point2D p) {
        Point2D previous = new Point2D(c.getStartX(), c.getStartY());
        double best = previous.distance(p);
        for (int i = 1; i <= SAMPLES; i++) {
            double t = (double) i / SAMPLES;
            double u = 1 - t;
            double x = u * u * u * c.getStartX() + 3 * u * u * t * c.getControlX1() + 3 * u * t * t * c.getControlX2()
                    + t * t * t * c.getEndX();
            double y = u * u * u * c.getStartY() + 3 * u * u * t * c.getControlY1() + 3 * u * t * t * c.getControlY2()
                    + t * t * t * c.getEndY();
            Point2D next = new Point2D(x, y);
            best = Math.min(best, toSegment(p, previous, next));
            previous = next;
        }
        return best;
    }

    private static double toSegment(Point2D p, Point2D a, Point2D b) {
        Point2D ab = b.subtract(a);
        double length2 = ab.dotProduct(ab);
        double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, p.subtract(a).dotProduct(ab) / length2));
        return p.distance(a.add(ab.multiply(t)));
    }
}
