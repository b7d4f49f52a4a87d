package dev.tensorloom.studio.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.tensorloom.studio.shell.HeadlessFx;
import dev.tensorloom.studio.shell.StudioWindow;
import dev.tensorloom.studio.task.TaskExecutor;
import dev.tensorloom.templates.TemplateCard;
import dev.tensorloom.templates.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TemplateGalleryTest {
    private static final TemplateCatalog CATALOG = TemplateCatalog.builtIn();

    @Test
    void everyCardGetsThePictureOfItsGraph() {
        TemplateGalleryViewModel vm = new TemplateGalleryViewModel(CATALOG, TaskExecutor.direct());
        assertEquals(CATALOG.cards(), vm.cards());
        for (TemplateCard card : CATALOG.cards()) {
            assertTrue(vm.previews().get(card.id()).nodeCount() > 0, card.id());
        }
    }

    @Test
    void galleryShowsACardPerTemplateWithBoxesAndWires() throws Exception {
        HeadlessFx.start();
        WritableImage image = HeadlessFx.call(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            TemplateGalleryViewModel vm = new TemplateGalleryViewModel(CATALOG, TaskExecutor.direct());
            TemplateGalleryView view = new TemplateGalleryView(vm);
            // Tall enough that the virtualised grid creates a cell for every card.
            Scene scene = new Scene(view, 980, 2400);
            scene.getStylesheets().add(StudioWindow.class.getResource(StudioWindow.STYLESHEET).toExternalForm());
            view.applyCss();
            view.layout();
            WritableImage snap = scene.snapshot(null);
            for (TemplateCard card : CATALOG.cards()) {
                var cell = view.lookup("#template-" + card.id());
                assertTrue(cell != null, "a card for " + card.id());
                assertTrue(!cell.lookupAll("." + GraphPicture.NODE_CLASS).isEmpty()
                        && cell.lookupAll("." + GraphPicture.NODE_CLASS).stream().allMatch(n -> n instanceof Rectangle),
                        "boxes on the card of " + card.id());
                assertTrue(cell.lookupAll("." + GraphPicture.WIRE_CLASS).stream().anyMatch(n -> n instanceof CubicCurve),
                        "wires on the card of " + card.id());
            }
            return snap;
        });
        Path out = Path.of("target", "screenshots", "template-gallery.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
    }
}
