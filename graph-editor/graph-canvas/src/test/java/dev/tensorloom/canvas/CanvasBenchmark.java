package dev.tensorloom.canvas;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Times the canvas on a 5,000-node residual graph, headless (run with the surefire argLine's
 * Monocle properties): building the views, ELK layout, and pan/zoom frames, each frame forced
 * through CSS, layout and a software render of the scene ({@code snapshot}). Prints figures; not a test.
 */
public final class CanvasBenchmark {
    private static final int FRAMES = 60;

    private CanvasBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        FxThreadExtension.startToolkit();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                run(nodes);
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        done.get(10, TimeUnit.MINUTES);
        Platform.exit();
    }

    /** src → (lin → lin → add with a skip connection) × n/3: wires both along the chain and across it. */
    static Document residualGraph(int nodeCount) {
        Document doc = new Document();
        doc.addNode(new Node("src", "src", "src", Map.of(), Position.ORIGIN, null));
        String prev = "src";
        int i = 0;
        while (doc.nodeCount() + 3 <= nodeCount) {
            String a = "lin" + (2 * i + 1);
            String b = "lin" + (2 * i + 2);
            String add = "add" + (i + 1);
            double x = (i % 40) * 600;
            double y = (i / 40) * 120;
            doc.addNode(new Node(a, "lin", a, Map.of(), new Position(x, y), null));
            doc.addNode(new Node(b, "lin", b, Map.of(), new Position(x + 200, y), null));
            doc.addNode(new Node(add, "add", add, Map.of(), new Position(x + 400, y), null));
            doc.addWire(new Wire("w" + (4 * i + 1), new PortRef(prev, "out"), new PortRef(a, "in")));
            doc.addWire(new Wire("w" + (4 * i + 2), new PortRef(a, "out"), new PortRef(b, "in")));
            doc.addWire(new Wire("w" + (4 * i + 3), new PortRef(prev, "out"), new PortRef(add, "a")));
            doc.addWire(new Wire("w" + (4 * i + 4), new PortRef(b, "out"), new PortRef(add, "b")));
            prev = add;
            i++;
        }
        return doc;
    }

    private static void run(int nodeCount) {
        BlockCatalog catalog = TestBlocks.catalog();
        Document doc = residualGraph(nodeCount);
        System.out.printf("graph: %d nodes, %d wires%n", doc.nodeCount(), doc.wires().size());

        long t0 = System.nanoTime();
        GraphCanvas canvas = new GraphCanvas(doc, new UndoStack(doc), catalog);
        Scene scene = new Scene(canvas, 1280, 800);
        canvas.applyCss();
        canvas.layout();
        long t1 = System.nanoTime();
        scene.snapshot(null);
        long t2 = System.nanoTime();
        System.out.printf("build views + CSS + layout: %.0f ms; first render: %.0f ms%n", ms(t1 - t0), ms(t2 - t1));

        ElkAutoLayout.Input input = ElkAutoLayout.input(doc, ((GraphCanvasSkin) canvas.getSkin()).geometry());
        long t3 = System.nanoTime();
        ElkAutoLayout.compute(input);
        long t4 = System.nanoTime();
        canvas.autoLayout();
        canvas.applyCss();
        canvas.layout();
        long t5 = System.nanoTime();
        System.out.printf("ELK layered compute: %.0f ms; autoLayout() incl. compute, MoveNodes, view patch, layout: %.0f ms%n",
                ms(t4 - t3), ms(t5 - t4));

        canvas.zoomToFit();
        frames("pan, whole graph fitted (zoom %.3f)".formatted(canvas.getZoom()), canvas, scene, false);
        canvas.setZoom(1);
        canvas.panXProperty().set(0);
        canvas.panYProperty().set(0);
        frames("pan at 1:1", canvas, scene, false);
        frames("wheel zoom at 1:1 and out", canvas, scene, true);
    }

    private static void frames(String label, GraphCanvas canvas, Scene scene, boolean zoom) {
        double total = 0;
        double max = 0;
        for (int i = 0; i < FRAMES; i++) {
            long s = System.nanoTime();
            if (zoom) {
                canvas.zoomAround(new javafx.geometry.Point2D(640, 400), i < FRAMES / 2 ? 0.95 : 1 / 0.95);
            } else {
                canvas.panXProperty().set(canvas.panXProperty().get() - 7);
                canvas.panYProperty().set(canvas.panYProperty().get() - 3);
            }
            canvas.applyCss();
            canvas.layout();
            scene.snapshot(null);
            double f = ms(System.nanoTime() - s);
            total += f;
            max = Math.max(max, f);
        }
        System.out.printf("%s: %d frames, avg %.1f ms, max %.1f ms (budget 16 ms)%n", label, FRAMES, total / FRAMES, max);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
