package dev.tensorloom.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.overview.OverviewLayer;
import dev.tensorloom.canvas.overview.OverviewRaster;
import dev.tensorloom.canvas.scene.GraphViews;
import dev.tensorloom.canvas.view.ItemShape;
import dev.tensorloom.model.doc.PortRef;
import java.util.List;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.control.MenuItem;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Wires take clicks in the overview too (a big graph zoomed far out, drawn as one bitmap with no wire views):
 * a click within {@link WirePicker#TOLERANCE} screen pixels of the straight line the overview draws selects
 * the wire, the bitmap shows it selected, and right-click opens the same menu as on a wire view.
 */
@ExtendWith(FxThreadExtension.class)
class OverviewWirePickTest {
    /** More blocks than {@link OverviewLayer#SMALL_GRAPH}: far out, the overview is drawn instead of views. */
    private static final int BLOCKS = 100;
    private static final double SPACING = 400;

    /** n0 → n1 → … in one row, 400 canvas units apart, shown at zoom 0.2: 80 px between block starts. */
    private static CanvasFixture chainFarOut() {
        CanvasFixture f = new CanvasFixture();
        for (int i = 0; i < BLOCKS; i++) {
            f.node("n" + i, "lin", i * SPACING, 0);
        }
        for (int i = 0; i + 1 < BLOCKS; i++) {
            f.wire("n" + i, "out", "n" + (i + 1), "in");
        }
        f.show();
        f.canvas.setZoom(0.2);
        f.canvas.viewport().panXProperty().set(20);
        f.canvas.viewport().panYProperty().set(200);
        frames(f);
        assertTrue(skin(f).overview().isVisible(), "far out a big graph shows the overview");
        assertFalse(skin(f).views().wireLayer().isVisible(), "and no wire view is drawn");
        return f;
    }

    private static GraphCanvasSkin skin(CanvasFixture f) {
        return (GraphCanvasSkin) f.canvas.getSkin();
    }

    private static void frames(CanvasFixture f) {
        for (int i = 0; i < 5; i++) {
            f.canvas.applyCss();
            f.canvas.requestLayout();
            f.canvas.layout();
        }
    }

    private static String wireInto(CanvasFixture f, String node) {
        return f.doc.wireInto(new PortRef(node, "in")).orElseThrow().id();
    }

    /** The canvas control's point {@code dy} screen pixels below the middle of the line the overview draws. */
    private static Point2D besideMiddle(CanvasFixture f, String wireId, double dy) {
        Point2D[] ends = skin(f).views().wireSegment(wireId);
        Point2D middle = f.canvas.canvasToScreen(ends[0].midpoint(ends[1]));
        return new Point2D(middle.getX(), middle.getY() + dy);
    }

    private static void click(CanvasFixture f, Point2D local) {
        CanvasFixture.click(f.canvas, f.canvas.localToScene(local));
    }

    @Test
    void aClickOnTheDrawnLineSelectsTheWireAndTheBitmapShowsIt() {
        CanvasFixture f = chainFarOut();
        String wire = wireInto(f, "n3");
        Point2D onLine = besideMiddle(f, wire, 0);
        OverviewRaster raster = skin(f).overview().raster();
        Color selectedColour = skin(f).overview().selectedWireStrokeProperty().get();
        int selectedArgb = OverviewRaster.premultiplied(selectedColour.getRed(), selectedColour.getGreen(),
                selectedColour.getBlue(), selectedColour.getOpacity());
        assertNotEquals(selectedArgb, raster.pixel((int) onLine.getX(), (int) onLine.getY()));

        click(f, besideMiddle(f, wire, WirePicker.TOLERANCE - 1));
        assertEquals(wire, f.canvas.selectedWireProperty().get(), "a few pixels beside the line still hit it");
        assertTrue(f.canvas.selection().isEmpty());
        frames(f);
        assertEquals(selectedArgb, skin(f).overview().raster().pixel((int) onLine.getX(), (int) onLine.getY()),
                "the overview draws the selected wire in its colour");

        click(f, besideMiddle(f, wireInto(f, "n4"), 0));
        assertEquals(wireInto(f, "n4"), f.canvas.selectedWireProperty().get(), "the next wire along");
        click(f, besideMiddle(f, wire, 3 * WirePicker.TOLERANCE));
        assertNull(f.canvas.selectedWireProperty().get(), "away from every line the click clears");
    }

    @Test
    void aClickOnABlocksBoxTakesNoWire() {
        CanvasFixture f = chainFarOut();
        ItemShape n5 = skin(f).views().shape("n5");
        // The input's end of the wire n4 → n5 lies on n5's box: the box, drawn over the wire, takes the click.
        Point2D[] ends = skin(f).views().wireSegment(wireInto(f, "n5"));
        Point2D onBox = f.canvas.canvasToScreen(new Point2D(ends[1].getX() + 2, ends[1].getY()));
        assertTrue(n5.x() <= ends[1].getX() + 2 && ends[1].getX() + 2 <= n5.x() + n5.width());
        click(f, onBox);
        assertNull(f.canvas.selectedWireProperty().get());
        assertEquals(Set.of("n5"), f.canvas.selection(), "the click on the box selects the block, as before");
    }

    @Test
    void rightClickOnTheLineOpensTheWiresMenuAndItsItemsAct() {
        CanvasFixture f = chainFarOut();
        String wire = wireInto(f, "n7");
        List<MenuItem> menu = f.canvas.menus().itemsFor(f.canvas, besideMiddle(f, wire, 2));
        assertEquals(wire, f.canvas.selectedWireProperty().get(), "right-click selects the wire");
        assertEquals(List.of("Delete wire", "Select source: n6", "Select target: n7"),
                menu.stream().filter(i -> i.getText() != null).map(MenuItem::getText).toList());

        item(menu, "canvas-menu-delete-wire").fire();
        assertTrue(f.doc.wire(wire).isEmpty(), "Delete wire removes it");
        f.stack.undo();
        assertTrue(f.doc.wire(wire).isPresent());
        frames(f);
        assertEquals(wire, skin(f).wirePicker().wireAt(besideMiddle(f, wire, 0)), "back, and clickable again");
    }

    @Test
    void zoomedInTheWireViewsTakeTheClicksAsBefore() {
        CanvasFixture f = chainFarOut();
        f.canvas.setZoom(1);
        frames(f);
        assertFalse(skin(f).overview().isVisible());
        GraphViews views = skin(f).views();
        String wire = wireInto(f, "n1");
        assertTrue(views.isPreparedWire(wire) && views.wireLayer().isVisible());
        assertEquals(wire, skin(f).wirePicker().wireAt(besideMiddle(f, wire, 0)));
    }

    private static MenuItem item(List<MenuItem> menu, String id) {
        return menu.stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }
}
