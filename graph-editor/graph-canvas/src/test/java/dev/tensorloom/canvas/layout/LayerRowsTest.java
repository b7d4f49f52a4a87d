package dev.tensorloom.canvas.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.view.NodeView;
import dev.tensorloom.model.doc.Position;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Dimension2D;
import org.junit.jupiter.api.Test;

/** Folding a long left-to-right layout into rows, and the big-graph layout that uses it. */
class LayerRowsTest {
    private static final Dimension2D BOX = new Dimension2D(100, 50);

    /** n boxes in one row, 100 wide with 50 between them. */
    private static Map<String, Position> strip(int n, Map<String, Dimension2D> sizes) {
        Map<String, Position> placed = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            placed.put("n" + i, new Position(i * 150, 0));
            sizes.put("n" + i, BOX);
        }
        return placed;
    }

    @Test
    void aShortRowIsLeftAlone() {
        Map<String, Dimension2D> sizes = new LinkedHashMap<>();
        // Width 250, row height 100: sqrt(250 / 160) rounds to one row.
        Map<String, Position> placed = strip(2, sizes);
        assertSame(placed, LayerRows.fold(placed, sizes, 1.6, 50));
    }

    @Test
    void aLongStripBecomesRowsOfTheAspectCutBetweenColumns() {
        Map<String, Dimension2D> sizes = new LinkedHashMap<>();
        // 100 boxes: width 14,950, row height 50 + gap 50: k = round(sqrt(14950 / (1.5 * 100))) = 10 rows.
        Map<String, Position> folded = LayerRows.fold(strip(100, sizes), sizes, 1.5, 50);
        assertEquals(100, folded.size());
        // Row width 1,495: n10 (right edge 1,600) would overflow the first row, so it opens the second.
        assertEquals(new Position(0, 0), folded.get("n0"));
        assertEquals(new Position(1350, 0), folded.get("n9"));
        assertEquals(new Position(0, 100), folded.get("n10"));
        assertEquals(new Position(1350, 900), folded.get("n99"));
        // Order along the strip is reading order in the rows.
        for (int i = 1; i < 100; i++) {
            Position a = folded.get("n" + (i - 1));
            Position b = folded.get("n" + i);
            assertTrue(b.y() > a.y() || b.y() == a.y() && b.x() > a.x(), "n" + i);
        }
    }

    @Test
    void boxesOverlappingInXStayInOneRow() {
        Map<String, Dimension2D> sizes = new LinkedHashMap<>();
        Map<String, Position> placed = strip(40, sizes);
        // A tall column: n20's twin below it, one unit to the right, must not be cut from it.
        placed.put("twin", new Position(20 * 150 + 1, 60));
        sizes.put("twin", BOX);
        Map<String, Position> folded = LayerRows.fold(placed, sizes, 1.0, 10);
        Position n20 = folded.get("n20");
        Position twin = folded.get("twin");
        assertEquals(n20.x() + 1, twin.x());
        assertEquals(n20.y() + 60, twin.y());
    }

    @Test
    void bigGraphLayoutIsFoldedIntoRowsWithWiresRunningRightOrDown() {
        ElkAutoLayout.Input input = ElkAutoLayout.residualChain(400);
        Map<String, Position> placed = ElkAutoLayout.compute(input);
        assertTrue(input.sizes().size() > ElkAutoLayout.LARGE);
        double maxX = placed.values().stream().mapToDouble(Position::x).max().orElseThrow() + NodeView.WIDTH;
        double maxY = placed.values().stream().mapToDouble(Position::y).max().orElseThrow();
        // Roughly the wrap aspect, not a strip: between a square and three times wider than tall.
        assertTrue(maxX / maxY > 0.8 && maxX / maxY < 3, "extent " + maxX + " x " + maxY);
        // Every wire runs to the right within its row, or down into a later row.
        for (String[] e : input.edges()) {
            Position from = placed.get(e[0]);
            Position to = placed.get(e[1]);
            assertTrue(to.x() > from.x() || to.y() > from.y(), e[0] + " -> " + e[1]);
        }
        assertEquals(List.copyOf(input.sizes().keySet()), List.copyOf(placed.keySet()));
    }
}
