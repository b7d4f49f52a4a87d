package dev.tensorloom.canvas;

import dev.tensorloom.canvas.scene.GraphViews;
import dev.tensorloom.canvas.view.NodeView;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import dev.tensorloom.model.testing.TestBlocks;
import java.util.Map;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;

/** A canvas in an 800×600 scene over a fresh document, with helpers to build graphs and fire mouse gestures. */
final class CanvasFixture {
    final Document doc = new Document();
    final UndoStack stack = new UndoStack(doc);
    final BlockCatalog catalog;
    final GraphCanvas canvas;
    final Scene scene;

    CanvasFixture() {
        this(TestBlocks.catalog());
    }

    CanvasFixture(BlockCatalog catalog) {
        this.catalog = catalog;
        canvas = new GraphCanvas(doc, stack, catalog);
        scene = new Scene(canvas, 800, 600);
    }

    /**
     * A canvas over {@code doc} (test blocks) in a scene of {@code width} × {@code height}, styled and
     * laid out once, as it is when a file has just been opened.
     */
    static GraphCanvas opened(dev.tensorloom.model.doc.Document doc, double width, double height) {
        GraphCanvas canvas = new GraphCanvas(doc, new UndoStack(doc), TestBlocks.catalog());
        new Scene(canvas, width, height);
        canvas.applyCss();
        canvas.layout();
        return canvas;
    }

    /** s → a → b → sum(b, skip from s) → c, in a row, shown: a residual pair a, b, sum with a skip. */
    static CanvasFixture residual() {
        CanvasFixture f = new CanvasFixture().node("s", "src", 0, 0).node("a", "lin", 250, 0).node("b", "lin", 500, 0)
                .node("sum", "add", 750, 0).node("c", "lin", 1000, 0)
                .wire("s", "out", "a", "in").wire("a", "out", "b", "in").wire("b", "out", "sum", "a")
                .wire("s", "out", "sum", "b").wire("sum", "out", "c", "in");
        f.show();
        return f;
    }

    /** Adds a node straight to the document (not through the stack), as a loaded file would. */
    CanvasFixture node(String id, String type, double x, double y) {
        doc.addNode(new Node(id, type, id, Map.of(), new Position(x, y), null));
        return this;
    }

    CanvasFixture wire(String from, String fromPort, String to, String toPort) {
        doc.addWire(new Wire(doc.freshId("w"), new PortRef(from, fromPort), new PortRef(to, toPort)));
        return this;
    }

    /** Runs CSS and layout so the skin exists and views have their sizes. */
    GraphCanvasSkin show() {
        canvas.applyCss();
        canvas.layout();
        return (GraphCanvasSkin) canvas.getSkin();
    }

    GraphViews views() {
        return ((GraphCanvasSkin) canvas.getSkin()).views();
    }

    NodeView view(String id) {
        return views().item(id);
    }

    /** Scene point of a canvas point. */
    Point2D screen(double canvasX, double canvasY) {
        return canvas.localToScene(canvas.canvasToScreen(new Point2D(canvasX, canvasY)));
    }

    void press(javafx.scene.Node target, Point2D scenePoint, boolean shortcut, int clicks) {
        fire(target, MouseEvent.MOUSE_PRESSED, scenePoint, shortcut, clicks);
    }

    void drag(javafx.scene.Node target, Point2D scenePoint) {
        fire(target, MouseEvent.MOUSE_DRAGGED, scenePoint, false, 0);
    }

    void release(javafx.scene.Node target, Point2D scenePoint) {
        fire(target, MouseEvent.MOUSE_RELEASED, scenePoint, false, 1);
    }

    /** A plain left click (press and release) on a node at a scene point. */
    static void click(javafx.scene.Node target, Point2D scenePoint) {
        fire(target, MouseEvent.MOUSE_PRESSED, scenePoint, false, 1);
        fire(target, MouseEvent.MOUSE_RELEASED, scenePoint, false, 1);
    }

    private static void fire(javafx.scene.Node target, EventType<MouseEvent> type, Point2D p, boolean shortcut, int clicks) {
        MouseEvent e = new MouseEvent(type, p.getX(), p.getY(), p.getX(), p.getY(), MouseButton.PRIMARY, clicks,
                false, shortcut, false, shortcut, type != MouseEvent.MOUSE_RELEASED, false, false, false, false,
                false, new PickResult(target, p.getX(), p.getY()));
        Event.fireEvent(target, e);
    }
}
