package dev.tensorloom.canvas;

import dev.tensorloom.canvas.layout.ElkAutoLayout;
import dev.tensorloom.canvas.layout.LayoutThread;
import dev.tensorloom.canvas.view.CanvasItems;
import dev.tensorloom.model.doc.Position;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Auto-layout of what a canvas shows (the top level, or the inside of the group it has open): ELK layered, left to right along the wires, pushed as one MoveNodes
 * for every node that moved; at once for small graphs, on the layout thread for large ones.
 */
final class CanvasLayouts {
    private final GraphCanvas canvas;
    private final ReadOnlyBooleanWrapper running;

    CanvasLayouts(GraphCanvas canvas) {
        this.canvas = canvas;
        this.running = new ReadOnlyBooleanWrapper(canvas, "layoutRunning");
    }

    void autoLayout() {
        if (CanvasItems.visibleIds(canvas.document(), canvas.getScope()).size() > ElkAutoLayout.LARGE) {
            inBackground();
            return;
        }
        Map<String, Position> placed = ElkAutoLayout.layout(canvas.document(), canvas.getScope(), canvas.skinGeometry());
        CanvasItems.moveCommand(canvas.document(), placed).ifPresent(canvas.editing()::push);
    }

    /**
     * Runs ELK on the layout thread (its input is copied here, on the FX thread) and applies the result on
     * the FX thread as one MoveNodes. If the document was edited meanwhile the result is dropped with a
     * message, since it would move nodes the user just placed. Completes, on the FX thread, with whether
     * the layout was applied.
     */
    CompletableFuture<Boolean> inBackground() {
        ElkAutoLayout.Input input = ElkAutoLayout.input(canvas.document(), canvas.getScope(), canvas.skinGeometry());
        long revision = canvas.undoStack().revision();
        CompletableFuture<Boolean> applied = new CompletableFuture<>();
        running.set(true);
        LayoutThread.submit(() -> ElkAutoLayout.compute(input))
                .whenComplete((placed, error) -> Platform.runLater(() -> {
                    running.set(false);
                    if (error != null) {
                        canvas.messages().report(CanvasMessage.Kind.REFUSED, "auto-layout failed: " + error.getMessage(), null);
                        applied.completeExceptionally(error);
                    } else if (canvas.undoStack().revision() != revision) {
                        canvas.messages().report(CanvasMessage.Kind.INFO, "auto-layout dropped: the graph changed while it ran", null);
                        applied.complete(false);
                    } else {
                        CanvasItems.moveCommand(canvas.document(), placed).ifPresent(canvas.editing()::push);
                        applied.complete(true);
                    }
                }));
        return applied;
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
