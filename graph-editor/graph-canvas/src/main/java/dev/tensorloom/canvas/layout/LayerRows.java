package dev.tensorloom.canvas.layout;

import dev.tensorloom.model.doc.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Dimension2D;

/**
 * Folds a left-to-right layout that is far wider than it is tall into rows, like lines of text:
 * the layout is cut only in the empty gaps between its columns (so no box is split and the order
 * along the wires is kept), and each row is moved under the previous one, left-aligned. The number
 * of rows k solves (width / k) / (k · (height + gap)) = aspect. ELK can wrap by itself, but its
 * wrapping steps (breaking points) cost about a third of a 5,000-node layout and the canvas draws
 * its own wires anyway, so only the boxes' places matter.
 */
public final class LayerRows {
    private LayerRows() {
    }

    /** One item's box, for sorting by left edge. */
    private record Box(String id, double x, double y, double right) { }

    /**
     * Places folded into rows of about the given width-over-height; returns {@code placed} itself
     * when one row is already no wider than that.
     */
    public static Map<String, Position> fold(Map<String, Position> placed, Map<String, Dimension2D> sizes, double aspect,
            double rowGap) {
        if (placed.isEmpty()) {
            return placed;
        }
        List<Box> boxes = new ArrayList<>(placed.size());
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Position> e : placed.entrySet()) {
            Dimension2D size = sizes.get(e.getKey());
            Position p = e.getValue();
            boxes.add(new Box(e.getKey(), p.x(), p.y(), p.x() + size.getWidth()));
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x() + size.getWidth());
            maxY = Math.max(maxY, p.y() + size.getHeight());
        }
        double width = maxX - minX;
        double rowHeight = maxY - minY + rowGap;
        int rows = (int) Math.round(Math.sqrt(width / (aspect * rowHeight)));
        if (rows <= 1) {
            return placed;
        }
        double rowWidth = width / rows;
        boxes.sort(Comparator.comparingDouble(Box::x));
        Map<String, Position> folded = new LinkedHashMap<>();
        int row = 0;
        double rowStart = minX;
        double reach = Double.NEGATIVE_INFINITY;
        for (Box b : boxes) {
            // A row ends, as a line of text does, before the box that would overflow it, and only
            // in a gap: where that box starts right of everything so far.
            if (b.x() > reach && reach > rowStart && b.right() - rowStart > rowWidth) {
                row++;
                rowStart = b.x();
            }
            reach = Math.max(reach, b.right());
            folded.put(b.id(), new Position(b.x() - rowStart + minX, b.y() + row * rowHeight));
        }
        // Keep the caller's order of ids.
        Map<String, Position> ordered = new LinkedHashMap<>();
        placed.keySet().forEach(id -> ordered.put(id, folded.get(id)));
        return ordered;
    }
}
