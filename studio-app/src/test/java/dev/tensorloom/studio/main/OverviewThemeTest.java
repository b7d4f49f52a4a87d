package dev.tensorloom.studio.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.tensorloom.canvas.GraphCanvas;
import dev.tensorloom.canvas.overview.OverviewLayer;
import dev.tensorloom.canvas.overview.OverviewRaster;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import dev.tensorloom.studio.shell.HeadlessFx;
import dev.tensorloom.studio.shell.StudioWindow;
import java.util.Map;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/**
 * The canvas's overview bitmap (a big graph zoomed far out) under the studio's AtlantaFX themes: its colours,
 * CSS properties of the overview layer set by the canvas stylesheet from the theme's colours, differ between
 * light and dark, and switching the theme repaints the bitmap in the new colours although nothing moved.
 */
class OverviewThemeTest {
    /** 150 ReLUs in a row: more than {@link OverviewLayer#SMALL_GRAPH}, so zoomed far out the overview shows. */
    private static Document chain() {
        Document doc = new Document();
        for (int i = 0; i < 150; i++) {
            doc.addNode(new Node("n" + i, "relu", "n" + i, Map.of(), new Position(i * 300, 0), null));
            if (i > 0) {
                doc.addWire(new Wire("w" + i, new PortRef("n" + (i - 1), "out"), new PortRef("n" + i, "in")));
            }
        }
        return doc;
    }

    private static void frame(GraphCanvas canvas) {
        canvas.applyCss();
        canvas.requestLayout();
        canvas.layout();
    }

    @Test
    void aThemeSwitchRepaintsTheOverviewInTheNewThemesColours() throws Exception {
        HeadlessFx.start();
        try {
            HeadlessFx.call(() -> {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                Document doc = chain();
                GraphCanvas canvas = new GraphCanvas(doc, new UndoStack(doc), BlockCatalog.standard());
                canvas.followAtlantaFxTheme();
                Scene scene = new Scene(canvas, 600, 400);
                scene.getStylesheets().add(StudioWindow.class.getResource(StudioWindow.STYLESHEET).toExternalForm());
                canvas.setZoom(0.1);
                canvas.viewport().panYProperty().set(100);
                for (int i = 0; i < 5; i++) {
                    frame(canvas);
                }
                OverviewLayer overview = (OverviewLayer) canvas.lookup(".overview-layer");
                assertTrue(overview.isVisible(), "far out, the overview is drawn");
                Color lightFill = overview.nodeFillProperty().get();
                Color lightWires = overview.wireStrokeProperty().get();
                int paints = overview.paints();

                Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
                frame(canvas);
                Color darkFill = overview.nodeFillProperty().get();
                // Primer's subtle foreground is grey in both themes (#6e7781, #6e7681); its border colour is not.
                assertNotEquals(lightFill, darkFill, "the blocks take the dark theme's colour");
                Color darkWires = overview.wireStrokeProperty().get();
                assertTrue(darkWires.getBrightness() < lightWires.getBrightness() - 0.3,
                        "the wires are the dark theme's border colour: " + lightWires + " then " + darkWires);
                assertEquals(paints + 1, overview.paints(), "repainted once, without any move");
                Point2D block = canvas.canvasToScreen(new Point2D(10 * 300 + 20, 15));
                assertEquals(OverviewRaster.premultiplied(darkFill.getRed(), darkFill.getGreen(), darkFill.getBlue(),
                        darkFill.getOpacity()), overview.raster().pixel((int) block.getX(), (int) block.getY()),
                        "the bitmap shows the new colour");
                return null;
            });
        } finally {
            HeadlessFx.call(() -> {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                return null;
            });
        }
    }
}
