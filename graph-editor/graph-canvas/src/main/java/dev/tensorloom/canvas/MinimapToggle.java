package dev.tensorloom.canvas;

import dev.tensorloom.canvas.view.CanvasStyles;
import javafx.css.PseudoClass;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The minimap's handle in the canvas's bottom-right corner: folds the overview away, so in a small window it
 * covers no block or port, and opens it again. Shown while the overview has something to show (and the
 * canvas's minimap switch is on).
 */
final class MinimapToggle extends StackPane {
    /** Side of the handle in screen pixels (not scaled with the minimap, so it stays easy to hit). */
    static final double SIZE = 20;
    private static final PseudoClass COLLAPSED = PseudoClass.getPseudoClass("collapsed");

    MinimapToggle(Minimap minimap) {
        setId("minimap-toggle");
        getStyleClass().add(CanvasStyles.MINIMAP_TOGGLE);
        Region icon = new Region();
        icon.getStyleClass().add(CanvasStyles.MINIMAP_TOGGLE_ICON);
        getChildren().add(icon);
        setManaged(false);
        resize(SIZE, SIZE);
        Tooltip tip = new Tooltip();
        Tooltip.install(this, tip);
        Runnable show = () -> {
            boolean collapsed = minimap.collapsedProperty().get();
            pseudoClassStateChanged(COLLAPSED, collapsed);
            tip.setText(collapsed ? "Show the overview" : "Fold the overview away");
        };
        minimap.collapsedProperty().addListener(obs -> show.run());
        show.run();
        visibleProperty().bind(minimap.visibleProperty().and(minimap.usefulProperty()));
        // The press is the handle's alone: it must not start a rubber band on the canvas under it.
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            minimap.collapsedProperty().set(!minimap.collapsedProperty().get());
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, MouseEvent::consume);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, MouseEvent::consume);
    }

    /** Puts the handle in the bottom-right corner of a canvas of this size, over the minimap's corner. */
    void place(double canvasWidth, double canvasHeight, double margin) {
        relocate(canvasWidth - SIZE - margin, canvasHeight - SIZE - margin);
    }
}
