package dev.tensorloom.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.command.MoveNodes;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Position;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Auto-layout on the background thread: the test thread waits while the FX thread stays free to
 * receive the result, which lands as one undoable MoveNodes, or not at all if the graph changed.
 */
class BackgroundLayoutTest {
    @BeforeAll
    static void toolkit() throws InterruptedException {
        FxThreadExtension.startToolkit();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return FxThreadExtension.call(work);
    }

    private static GraphCanvas canvas(Document doc) {
        return CanvasFixture.opened(doc, 800, 600);
    }

    private static Map<String, Position> positions(Document doc) {
        Map<String, Position> map = new TreeMap<>();
        doc.nodes().forEach(n -> map.put(n.id(), n.position()));
        return map;
    }

    @Test
    void resultLandsAsOneUndoableMoveNodes() throws Exception {
        Document doc = CanvasBenchmark.residualGraph(100);
        GraphCanvas canvas = fx(() -> canvas(doc));
        Map<String, Position> before = fx(() -> positions(doc));
        CompletableFuture<Boolean> applied = fx(canvas::autoLayoutInBackground);
        assertTrue(applied.get(60, TimeUnit.SECONDS));
        fx(() -> {
            assertFalse(canvas.layoutRunningProperty().get());
            assertNotEquals(before, positions(doc));
            assertEquals("Move", canvas.undoStack().undoDescription().orElseThrow().substring(0, 4));
            canvas.undoStack().undo();
            assertEquals(before, positions(doc));
            return null;
        });
    }

    @Test
    void resultIsDroppedWhenTheGraphChangedMeanwhile() throws Exception {
        Document doc = CanvasBenchmark.residualGraph(100);
        GraphCanvas canvas = fx(() -> canvas(doc));
        // The edit runs in the same FX task as the start, so it always precedes the result.
        CompletableFuture<Boolean> applied = fx(() -> {
            CompletableFuture<Boolean> f = canvas.autoLayoutInBackground();
            assertTrue(canvas.layoutRunningProperty().get());
            canvas.undoStack().push(MoveNodes.by(doc, List.of("src"), 10, 0));
            return f;
        });
        assertFalse(applied.get(60, TimeUnit.SECONDS));
        fx(() -> {
            assertEquals(new Position(10, 0), doc.requireNode("src").position());
            assertEquals(CanvasMessage.Kind.INFO, canvas.messageProperty().get().kind());
            return null;
        });
    }
}
