package dev.tensorloom.canvas.view;

import java.util.Collection;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Dimension2D;

/** Size and place of each canvas item in canvas units, from the views or estimated. */
public interface NodeGeometry {
    /** Width and height of an item (node or collapsed group). */
    Dimension2D size(String itemId);

    /** Top-left corner x of an item. */
    double x(String itemId);

    /** Top-left corner y of an item. */
    double y(String itemId);

    /** The box around these items, or null when there are none. */
    default Bounds bounds(Collection<String> itemIds) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (String id : itemIds) {
            Dimension2D s = size(id);
            double x = x(id);
            double y = y(id);
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x + s.getWidth());
            maxY = Math.max(maxY, y + s.getHeight());
        }
        return itemIds.isEmpty() ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }
}
