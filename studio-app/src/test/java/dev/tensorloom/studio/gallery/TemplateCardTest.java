package dev.tensorloom.studio.gallery;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.studio.shell.HeadlessFx;
import dev.tensorloom.studio.shell.StudioWindow;
import dev.tensorloom.studio.task.TaskExecutor;
import dev.tensorloom.templates.TemplateCard;
import dev.tensorloom.templates.TemplateCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Cell;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/**
 * The gallery as the studio shows it (a window of the gallery dialog's size, the graphs parsed in the background
 * and arriving after the cards are on screen): hovering a card tells what the template teaches, and its
 * thumbnail shows every box of the graph whole, none cut off at the picture's edge.
 */
class TemplateCardTest {
    private static final TemplateCatalog CATALOG = TemplateCatalog.builtIn();

    @Test
    void everyCardHasADescriptionTooltipAndAnUnclippedThumbnail() throws Exception {
        HeadlessFx.start();
        TemplateGalleryViewModel vm = new TemplateGalleryViewModel(CATALOG, TaskExecutor.direct());
        Map<String, Document> parsed = new HashMap<>(vm.previews());
        Stage stage = HeadlessFx.call(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            vm.previews().clear();
            // Tall enough that the virtualised grid creates a cell for every card.
            Scene scene = new Scene(new BorderPane(new TemplateGalleryView(vm)), 1010, 2400);
            scene.getStylesheets().add(StudioWindow.class.getResource(StudioWindow.STYLESHEET).toExternalForm());
            Stage s = new Stage();
            s.setScene(scene);
            s.show();
            return s;
        });
        try {
            pulses();
            HeadlessFx.call(() -> {
                vm.previews().putAll(parsed);
                return null;
            });
            pulses();
            HeadlessFx.call(() -> {
                for (TemplateCard card : CATALOG.cards()) {
                    Cell<?> cell = (Cell<?>) stage.getScene().lookup("#template-" + card.id());
                    assertNotNull(cell, "a card for " + card.id());
                    assertNotNull(cell.getTooltip(), card.id() + " has a tooltip");
                    assertTrue(cell.getTooltip().getText().contains(card.teaches()),
                            card.id() + "'s tooltip says what it teaches: " + cell.getTooltip().getText());
                    assertUnclipped(card.id(), (GraphPicture) cell.lookup("." + GraphPicture.STYLE_CLASS));
                }
                return null;
            });
        } finally {
            HeadlessFx.call(() -> {
                stage.close();
                return null;
            });
        }
    }

    private static void assertUnclipped(String id, GraphPicture picture) {
        Bounds frame = picture.getLayoutBounds();
        assertTrue(!picture.lookupAll("." + GraphPicture.NODE_CLASS).isEmpty(), id + " shows its graph");
        List<Node> drawn = new ArrayList<>(picture.lookupAll("." + GraphPicture.NODE_CLASS));
        // Wires too: a wire running off the edge (to the next row of a folded graph) reads as a cut-off picture.
        drawn.addAll(picture.lookupAll("." + GraphPicture.WIRE_CLASS));
        for (Node shape : drawn) {
            Bounds b = picture.sceneToLocal(shape.localToScene(shape.getBoundsInLocal()));
            assertTrue(b.getMinX() >= frame.getMinX() - 1 && b.getMaxX() <= frame.getMaxX() + 1
                            && b.getMinY() >= frame.getMinY() - 1 && b.getMaxY() <= frame.getMaxY() + 1,
                    id + ": " + shape.getStyleClass() + " at " + b + " lies outside the thumbnail " + frame);
        }
    }

    /** Lets the toolkit draw a few frames, as it does between a window's events. */
    private static void pulses() throws Exception {
        for (int i = 0; i < 5; i++) {
            Thread.sleep(60);
            HeadlessFx.call(() -> null);
        }
    }
}
