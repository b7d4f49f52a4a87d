package dev.tensorloom.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.overview.OverviewLayer;
import dev.tensorloom.canvas.overview.OverviewRaster;
import dev.tensorloom.canvas.view.ItemShape;
import java.util.List;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The colours the canvas paints by code (the overview bitmap, the minimap's boxes) are its own CSS properties
 * ({@code -tl-overview-*}, {@code -tl-minimap-node-fill}): the canvas stylesheet sets them from its colour
 * variables, another stylesheet can set them, and a change of stylesheet repaints without any move.
 */
@ExtendWith(FxThreadExtension.class)
class OverviewStyleTest {
    private static final String SHEET = OverviewStyleTest.class.getResource("overview-colours.css").toExternalForm();

    private record Open(GraphCanvas canvas, GraphCanvasSkin skin, OverviewLayer overview) {
        void frame() {
            canvas.applyCss();
            canvas.requestLayout();
            canvas.layout();
        }
    }

    /** A big graph (600 blocks) far out in a 400 × 300 scene: the overview is what is drawn. */
    private static Open farOut() {
        GraphCanvas canvas = CanvasFixture.opened(CanvasBenchmark.residualGraph(600), 400, 300);
        GraphCanvasSkin skin = (GraphCanvasSkin) canvas.getSkin();
        Open o = new Open(canvas, skin, skin.overview());
        canvas.setZoom(0.1);
        skin.views().setZooming(false);
        for (int i = 0; i < 10; i++) {
            o.frame();
        }
        assertTrue(o.overview().isVisible());
        return o;
    }

    private static int argb(Color c) {
        return OverviewRaster.premultiplied(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity());
    }

    /** The overview's pixel at the centre of a block. */
    private static int blockPixel(Open o, String id) {
        ItemShape s = o.skin().views().shape(id);
        Point2D p = o.canvas().canvasToScreen(new Point2D(s.x() + s.width() / 2, s.y() + s.height() / 2));
        return o.overview().raster().pixel((int) p.getX(), (int) p.getY());
    }

    @Test
    void theCanvasStylesheetSetsTheOverviewColoursFromItsVariables() {
        Open o = farOut();
        // graph-canvas.css's light fallback: -canvas-subtle #6e7781, -canvas-accent #0969da,
        // -canvas-node-border #d0d7de.
        assertEquals(Color.web("#6e7781"), o.overview().nodeFillProperty().get());
        assertEquals(Color.web("#0969da"), o.overview().selectedStrokeProperty().get());
        assertEquals(Color.web("#d0d7de"), o.overview().wireStrokeProperty().get());
        assertEquals(Color.web("#0969da"), o.overview().selectedWireStrokeProperty().get());
        assertEquals(argb(Color.web("#6e7781")), blockPixel(o, "lin1"), "blocks are painted in the styled fill");
        assertEquals(Color.web("#6e7781"), o.skin().minimap().nodeFillProperty().get());
        assertTrue(OverviewLayer.getClassCssMetaData().stream()
                .anyMatch(m -> m.getProperty().equals("-tl-overview-node-fill")), "declared for stylesheets");
    }

    @Test
    void aStylesheetSetsEachColourAndItsRemovalRepaintsWithoutAnyMove() {
        Open o = farOut();
        // lin83 and lin85 sit in the second row, inside the 400 × 300 screen at zoom 0.1.
        o.canvas().select(Set.of("lin83"));
        o.frame();
        int before = o.overview().paints();
        WritableImage minimapBefore = o.skin().minimap().snapshot(null, null);

        o.canvas().getScene().getStylesheets().add(SHEET);
        o.canvas().applyCss();
        assertTrue(o.canvas().isNeedsLayout(), "the restyle asks for a layout pass, which repaints");
        o.canvas().layout();
        assertEquals(before + 1, o.overview().paints(), "one repaint for the four colours");
        assertEquals(Color.web("#ff0000"), o.overview().nodeFillProperty().get());
        assertEquals(Color.web("#00ff00"), o.overview().wireStrokeProperty().get());
        assertEquals(Color.web("#0000ff"), o.overview().selectedStrokeProperty().get());
        assertEquals(Color.web("#ff00ff"), o.overview().selectedWireStrokeProperty().get());
        assertEquals(0xffff0000, blockPixel(o, "lin85"));
        ItemShape selected = o.skin().views().shape("lin83");
        Point2D corner = o.canvas().canvasToScreen(new Point2D(selected.x(), selected.y()));
        assertEquals(0xff0000ff, o.overview().raster().pixel((int) Math.floor(corner.getX()),
                (int) Math.floor(corner.getY())), "the selected block's outline");
        assertEquals(Color.web("#123456"), o.skin().minimap().nodeFillProperty().get());
        // The minimap's boxes are under a pixel wide at its scale and blend with its background, so no pixel
        // is the fill itself: the picture as a whole moves towards it.
        assertTrue(distanceTo(o.skin().minimap().snapshot(null, null), Color.web("#123456"))
                < distanceTo(minimapBefore, Color.web("#123456")) - 1,
                "the minimap's boxes are repainted in the new fill");

        // Switching back (a theme switch the other way) repaints again, in the canvas's own colours.
        o.canvas().getScene().getStylesheets().remove(SHEET);
        o.frame();
        assertEquals(before + 2, o.overview().paints());
        assertEquals(argb(Color.web("#6e7781")), blockPixel(o, "lin85"));
    }

    /** The sum over all pixels of their distance (red, green and blue, 0 to 3 each) to a colour. */
    private static double distanceTo(WritableImage image, Color colour) {
        PixelReader px = image.getPixelReader();
        double sum = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                Color c = px.getColor(x, y);
                sum += Math.abs(c.getRed() - colour.getRed()) + Math.abs(c.getGreen() - colour.getGreen())
                        + Math.abs(c.getBlue() - colour.getBlue());
            }
        }
        return sum;
    }

    @Test
    void noHiddenProbeShapesAreLeftInTheCanvas() {
        Open o = farOut();
        assertEquals(List.of(o.overview().image()), o.overview().getChildren(), "the overview holds only its bitmap");
        assertTrue(o.canvas().lookupAll(".overview-nodes").isEmpty()
                && o.canvas().lookupAll(".minimap-nodes").isEmpty(), "no probe shapes of the old styling");
    }
}
