package dev.tensorloom.canvas;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

/**
 * Times the canvas on a 5,000-node residual graph, headless (run with the surefire argLine's
 * Monocle properties): opening (views, CSS, layout and the first rendered frame), ELK layout cold
 * and warm, and pan/zoom frames, each frame forced through CSS, layout and a software render of the
 * whole scene ({@code snapshot}). The same frames on an empty and a 100-node graph are the baseline,
 * and the load average is printed beside every figure because the machine is shared. Not a test.
 */
public final class CanvasBenchmark {
    private static final int FRAMES = 60;
    private static final double W = 1280;
    private static final double H = 800;

    private CanvasBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        FxThreadExtension.startToolkit();
        try {
            run(nodes);
        } finally {
            Platform.exit();
        }
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

    /** What one canvas in one scene is, for the frame loops. */
    private record Stage(GraphCanvas canvas, Scene scene, WritableImage frame) {
        /** Renders the scene into one reused image, so frames do not time the allocation of a new one. */
        void render() {
            scene.snapshot(frame);
        }

        GraphViews views() {
            return ((GraphCanvasSkin) canvas.getSkin()).views();
        }
    }

    private static void run(int nodeCount) throws Exception {
        BlockCatalog catalog = TestBlocks.catalog();
        System.out.printf("load average at start: %s%n", load());

        // Warm-up (JIT, fonts, CSS caches) on a throwaway canvas, so the first figures are not the slowest.
        Stage warm = open(residualGraph(300), catalog, "warm-up 300-node graph");
        for (int i = 0; i < 3; i++) {
            frames("warm-up pan (discard)", warm, pan());
            frames("warm-up zoom (discard)", warm, zoom(0.9));
        }

        // Baselines: the same frame loop on an empty canvas and a 100-node graph.
        Stage empty = open(new Document(), catalog, "empty graph");
        frames("baseline, empty graph, pan", empty, pan());
        Stage hundred = open(residualGraph(100), catalog, "100-node graph");
        frames("baseline, 100 nodes at 1:1, pan", hundred, pan());
        fx(() -> {
            hundred.canvas.zoomToFit();
            return null;
        });
        frames("baseline, 100 nodes fitted (zoom %.2f), pan".formatted(hundred.canvas.getZoom()), hundred, pan());

        Document doc = residualGraph(nodeCount);
        System.out.printf("%ngraph: %d nodes, %d wires%n", doc.nodeCount(), doc.wires().size());
        Stage big = open(doc, catalog, "%d-node graph at 1:1".formatted(doc.nodeCount()));
        System.out.printf("  views built: %d of %d items%n", big.views().builtCount(), big.views().itemIds().size());

        ElkAutoLayout.Input input = fx(() -> ElkAutoLayout.input(doc, ((GraphCanvasSkin) big.canvas.getSkin()).geometry()));
        long t0 = System.nanoTime();
        ElkAutoLayout.compute(input);
        long t1 = System.nanoTime();
        ElkAutoLayout.compute(input);
        long t2 = System.nanoTime();
        System.out.printf("ELK layered compute (off the FX thread): cold %.0f ms, warm %.0f ms   [load %s]%n",
                ms(t1 - t0), ms(t2 - t1), load());
        long t3 = System.nanoTime();
        CompletableFuture<Boolean> applied = fx(big.canvas::autoLayoutInBackground);
        boolean done = applied.get(5, TimeUnit.MINUTES);
        long t4 = System.nanoTime();
        fx(() -> {
            big.canvas.applyCss();
            big.canvas.layout();
            big.render();
            return null;
        });
        long t5 = System.nanoTime();
        System.out.printf("autoLayout in background, applied=%s: %.0f ms until one MoveNodes landed, +%.0f ms next frame"
                + "   [load %s]%n", done, ms(t4 - t3), ms(t5 - t4), load());

        long t6 = System.nanoTime();
        fx(() -> {
            big.canvas.zoomToFit();
            big.canvas.applyCss();
            big.canvas.layout();
            big.render();
            return null;
        });
        System.out.printf("zoom to fit + first fitted frame: %.0f ms (zoom %.3f, graph %s)%n",
                ms(System.nanoTime() - t6), big.canvas.getZoom(), big.views().contentBounds());
        frames("%d nodes fitted (overview), pan".formatted(doc.nodeCount()), big, pan());
        fx(() -> {
            big.canvas.minimapVisibleProperty().set(false);
            return null;
        });
        frames("%d nodes fitted (overview), pan, minimap hidden".formatted(doc.nodeCount()), big, pan());
        fx(() -> {
            big.canvas.minimapVisibleProperty().set(true);
            return null;
        });
        frames("%d nodes fitted, wheel zoom in and back".formatted(doc.nodeCount()), big, zoom(1 / 0.95));
        fx(() -> {
            big.canvas.setZoom(1);
            big.canvas.panXProperty().set(0);
            big.canvas.panYProperty().set(0);
            return null;
        });
        frames("%d nodes at 1:1, pan".formatted(doc.nodeCount()), big, pan());
        frames("%d nodes, wheel zoom 1:1 out to 0.21 and back".formatted(doc.nodeCount()), big, zoom(0.95));
        System.out.printf("  views built after all frames: %d of %d items%n", big.views().builtCount(),
                big.views().itemIds().size());
        System.out.printf("load average at end: %s%n", load());
    }

    private static Stage open(Document doc, BlockCatalog catalog, String label) throws Exception {
        long t0 = System.nanoTime();
        Stage stage = fx(() -> {
            GraphCanvas canvas = new GraphCanvas(doc, new UndoStack(doc), catalog);
            Scene scene = new Scene(canvas, W, H);
            canvas.applyCss();
            canvas.layout();
            WritableImage frame = new WritableImage((int) W, (int) H);
            scene.snapshot(frame);
            return new Stage(canvas, scene, frame);
        });
        System.out.printf("open %s (build, CSS, layout, first rendered frame): %.0f ms   [load %s]%n", label,
                ms(System.nanoTime() - t0), load());
        return stage;
    }

    /** A pan sequence. */
    private static Double pan() {
        return null;
    }

    /** A zoom sequence by this factor per frame, then back. */
    private static Double zoom(double factor) {
        return factor;
    }

    /** Frame i of a sequence: pan by (-7, -3) px, or zoom by factor (first half) and back (second half). */
    private static void step(GraphCanvas canvas, int i, Double factor) {
        if (factor == null) {
            canvas.panXProperty().set(canvas.panXProperty().get() - 7);
            canvas.panYProperty().set(canvas.panYProperty().get() - 3);
        } else {
            canvas.zoomAround(new Point2D(W / 2, H / 2), i < FRAMES / 2 ? factor : 1 / factor);
        }
    }

    /** Times FRAMES frames, each one step plus CSS, layout and a full software render, on the FX thread. */
    private static void frames(String label, Stage stage, Double factor) throws Exception {
        int paints0 = ((GraphCanvasSkin) stage.canvas.getSkin()).overview().paints();
        int built0 = stage.views().builtCount();
        long cpu0 = processCpu();
        double[] times = fx(() -> {
            double[] t = new double[FRAMES];
            for (int i = 0; i < FRAMES; i++) {
                long s = System.nanoTime();
                step(stage.canvas, i, factor);
                stage.canvas.applyCss();
                stage.canvas.layout();
                stage.render();
                t[i] = ms(System.nanoTime() - s);
            }
            return t;
        });
        double cpu = ms(processCpu() - cpu0) / FRAMES;
        double[] sorted = sorted(times);
        System.out.printf("%s: %d frames, avg %.1f ms, median %.1f, p95 %.1f, max %.1f (budget 16 ms); "
                + "process CPU %.1f ms/frame; %d overview repaints, %d views built   [load %s]%n", label, FRAMES,
                Arrays.stream(times).average().orElse(0), percentile(sorted, 0.5), percentile(sorted, 0.95),
                sorted[FRAMES - 1], cpu, ((GraphCanvasSkin) stage.canvas.getSkin()).overview().paints() - paints0,
                stage.views().builtCount() - built0, load());
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(10, TimeUnit.MINUTES);
    }

    /** CPU time of the whole process (all threads, render thread included), less sensitive to load than wall time. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
