package dev.tensorloom.canvas;

import dev.tensorloom.canvas.layout.ElkAutoLayout;
import dev.tensorloom.canvas.layout.LayoutThread;
import dev.tensorloom.canvas.scene.GraphViews;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import dev.tensorloom.model.testing.TestBlocks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * Monocle properties): opening (views, CSS, layout and the first rendered frame), ELK's first layout
 * in fresh JVMs ({@link ColdLayoutBenchmark}) and its warm layout, and pan/zoom frames, each frame
 * one step plus what a pulse does: the scene's CSS and layout passes (over what the step made dirty;
 * {@code Node.applyCss} would restyle every view each frame, which no pulse does) and a software
 * render of the whole scene ({@code snapshot} runs all three), timed in wall time and in CPU time.
 * After each zoom gesture the frames that turn the scaled views sharp again are timed too. Between
 * the pan at 1:1 and the zoom that crosses the detail switch the canvas gets the pause a user would make
 * (still for the prebuilder's quiet time, then idle frames, each timed) in which views are built ahead. The same frames on an empty graph (a trivial pulse) and a
 * 100-node graph are the baseline, and the load average is printed beside every figure because the
 * machine is shared. Ends with a summary of every figure next to its target. Not a test.
 */
public final class CanvasBenchmark {
    private static final int FRAMES = 60;
    /** Id of JavaFX's render thread, found on first use; 0 if there is none. */
    private static long renderThread = -1;
    /** Issue #5: a 5,000-node graph opens and lays out in at most 2 s, and pans and zooms at 16 ms a frame. */
    private static final double OPEN_TARGET_MS = 2000;
    private static final double FRAME_TARGET_MS = 16;
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
        List<String> summary = new ArrayList<>();
        System.out.printf("load average at start: %s (2 cores shared; wall times scale with it, CPU times less)%n",
                load());

        // ELK's first layout, each in a fresh JVM while this one waits.
        double[] bare = ColdLayoutBenchmark.inFreshJvm("bare", nodeCount);
        double[] studio = ColdLayoutBenchmark.inFreshJvm("studio", nodeCount);
        double[] idle = ColdLayoutBenchmark.inFreshJvm("idle", nodeCount);
        String coldLoad = load();

        // Warm-up (JIT, fonts, CSS caches) on a throwaway canvas, so the first figures are not the slowest.
        Stage warm = open(residualGraph(300), catalog, "warm-up 300-node graph");
        LayoutThread.warmUp().get(10, TimeUnit.MINUTES);
        for (int i = 0; i < 3; i++) {
            frames("warm-up pan (discard)", warm, pan());
            frames("warm-up zoom (discard)", warm, zoom(0.9));
        }

        // Baselines: the same frame loop on an empty canvas (a trivial scene pulse) and a 100-node graph.
        Stage empty = open(new Document(), catalog, "empty graph");
        Frames baseline = frames("baseline, empty graph, pan", empty, pan());
        Stage hundred = open(residualGraph(100), catalog, "100-node graph");
        frames("baseline, 100 nodes at 1:1, pan", hundred, pan());

        Document doc = residualGraph(nodeCount);
        System.out.printf("%ngraph: %d nodes, %d wires%n", doc.nodeCount(), doc.wires().size());
        long open0 = System.nanoTime();
        Stage big = open(doc, catalog, "%d-node graph at 1:1".formatted(doc.nodeCount()));
        double openMs = ms(System.nanoTime() - open0);
        System.out.printf("  views built: %d of %d items%n", big.views().builtCount(), big.views().itemIds().size());

        ElkAutoLayout.Input input = fx(() -> ElkAutoLayout.input(doc, ((GraphCanvasSkin) big.canvas.getSkin()).geometry()));
        long t1 = System.nanoTime();
        ElkAutoLayout.compute(input);
        long t2 = System.nanoTime();
        long cpuWarm = processCpu();
        ElkAutoLayout.compute(input);
        double warmCpu = ms(processCpu() - cpuWarm);
        long t3 = System.nanoTime();
        System.out.printf("ELK compute in this JVM (warmed up): first %.0f ms, again %.0f ms (process CPU %.0f ms)"
                + "   [load %s]%n", ms(t2 - t1), ms(t3 - t2), warmCpu, load());
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
        writePng(big, "fitted");
        Frames fittedPan = frames("%d nodes fitted (overview), pan".formatted(doc.nodeCount()), big, pan());
        Frames fittedZoom = frames("%d nodes fitted, wheel zoom in and back".formatted(doc.nodeCount()), big,
                zoom(1 / 0.95));
        if (System.getProperty("canvas.bench.png") != null) {
            // Pictures only: not part of the timed sequence, which runs the same without them.
            fx(() -> {
                big.canvas.viewport().zoomAround(new Point2D(W / 2, H / 2), 0.3 / big.canvas.getZoom());
                big.views().setZooming(true);
                big.render();
                return null;
            });
            writePng(big, "overview-0.3-while-zooming");
            fx(() -> {
                ((GraphCanvasSkin) big.canvas.getSkin()).settleZoom();
                big.render();
                return null;
            });
            writePng(big, "overview-0.3-settled");
        }
        fx(() -> {
            big.canvas.setZoom(1);
            big.canvas.viewport().panXProperty().set(0);
            big.canvas.viewport().panYProperty().set(0);
            big.canvas.applyCss();
            big.canvas.layout();
            return null;
        });
        Frames detailPan = frames("%d nodes at 1:1, pan".formatted(doc.nodeCount()), big, pan());
        Frames idleFrames = idle(big);
        Frames detailZoom = frames("%d nodes, wheel zoom 1:1 out to 0.21 and back (crosses the detail switch)"
                .formatted(doc.nodeCount()), big, zoom(0.95));
        // A user's pan is seldom at exactly 1:1: wheel out to 0.70 and let it settle, untimed, then pan.
        fx(() -> {
            for (int i = 0; i < 7; i++) {
                big.canvas.viewport().zoomAround(new Point2D(W / 2, H / 2), 0.95);
            }
            ((GraphCanvasSkin) big.canvas.getSkin()).settleZoom();
            for (int i = 0; i < 100 && (big.views().sharpening() || !big.views().cullComplete()); i++) {
                big.canvas.requestLayout();
                big.render();
            }
            return null;
        });
        Frames zoomedPan = frames("%d nodes at a wheel zoom of %.2f, pan".formatted(doc.nodeCount(), big.canvas.getZoom()),
                big, pan());
        System.out.printf("  views built after all frames: %d of %d items%n", big.views().builtCount(),
                big.views().itemIds().size());

        summary.add(verdict("open %d nodes (views, CSS, layout, first frame)".formatted(doc.nodeCount()), openMs,
                OPEN_TARGET_MS));
        summary.add(verdict("ELK first layout, fresh JVM, nothing warmed up", bare[0], OPEN_TARGET_MS)
                + " CPU %.0f ms, [load %s]".formatted(bare[1], coldLoad));
        summary.add(verdict("ELK first layout, fresh JVM, asked right after opening (waits for warm-up)", studio[0],
                OPEN_TARGET_MS) + " CPU %.0f ms".formatted(studio[1]));
        summary.add(verdict("ELK first layout, fresh JVM, after the background warm-up", idle[0], OPEN_TARGET_MS)
                + " CPU %.0f ms".formatted(idle[1]));
        summary.add(verdict("ELK layout, warm", ms(t3 - t2), OPEN_TARGET_MS) + " CPU %.0f ms".formatted(warmCpu));
        summary.add(baseline.line("baseline: empty canvas pan frame (trivial pulse)"));
        summary.add(detailPan.line("pan at 1:1 (views)"));
        summary.add(zoomedPan.line("pan at a wheel zoom of 0.70 (views)"));
        summary.add(fittedPan.line("pan fitted (overview)"));
        summary.add(idleFrames.line("idle frames building views ahead (1:1)"));
        summary.add(detailZoom.line("zoom 1:1 -> 0.21 -> 1:1 (views <-> overview)"));
        summary.add(fittedZoom.line("zoom around the fitted overview"));
        System.out.printf("%nSUMMARY (wall ms; target open/layout <= %d ms, frame <= %d ms)   [load at end %s]%n",
                (int) OPEN_TARGET_MS, (int) FRAME_TARGET_MS, load());
        summary.forEach(line -> System.out.println("  " + line));
    }

    /**
     * With {@code -Dcanvas.bench.png=DIR}, writes the last rendered frame to DIR/NAME.png, to look
     * at what the timed frames showed.
     */
    private static void writePng(Stage stage, String name) throws Exception {
        String dir = System.getProperty("canvas.bench.png");
        if (dir == null) {
            return;
        }
        int w = (int) stage.frame().getWidth();
        int h = (int) stage.frame().getHeight();
        int[] argb = new int[w * h];
        fx(() -> {
            stage.frame().getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(),
                    argb, 0, w);
            return null;
        });
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(w, h,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, w, h, argb, 0, w);
        javax.imageio.ImageIO.write(image, "png", Path.of(dir, name + ".png").toFile());
    }

    private static String verdict(String label, double ms, double target) {
        return "%-80s %7.0f ms  (target <= %.0f) %s".formatted(label, ms, target, ms <= target ? "OK" : "OVER");
    }

    /**
     * Wall and process-CPU times of one frame loop, and for a zoom the wall times of the frames after
     * it settles (empty otherwise).
     */
    record Frames(double[] wall, double[] cpu, double[] settle) {
        Frames(double[] wall, double[] cpu) {
            this(wall, cpu, new double[0]);
        }

        Frames withSettle(double[] settleWall) {
            return new Frames(wall, cpu, settleWall);
        }

        String line(String label) {
            double[] w = sorted(wall);
            double[] c = sorted(cpu);
            double p95 = percentile(w, 0.95);
            String after = settle.length == 0 ? "" : "; then %d settle frames, longest %.1f".formatted(settle.length,
                    sorted(settle)[settle.length - 1]);
            return "%-44s median %5.1f  p95 %5.1f  max %5.1f ms (target <= %.0f) %s; FX+render CPU median %4.1f p95 %4.1f%s"
                    .formatted(label, percentile(w, 0.5), p95, w[w.length - 1], FRAME_TARGET_MS,
                            p95 <= FRAME_TARGET_MS ? "OK" : "OVER", percentile(c, 0.5), percentile(c, 0.95), after);
        }
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
            canvas.viewport().panXProperty().set(canvas.viewport().panXProperty().get() - 7);
            canvas.viewport().panYProperty().set(canvas.viewport().panYProperty().get() - 3);
        } else {
            canvas.viewport().zoomAround(new Point2D(W / 2, H / 2), i < FRAMES / 2 ? factor : 1 / factor);
        }
    }

    /**
     * Times FRAMES frames, each one step plus a pulse's CSS and layout passes and a full software render, on the FX
     * thread; per frame both wall time and the CPU time of the two threads that make a frame (FX
     * and render thread, read per thread with nanosecond resolution; process CPU time only ticks in
     * 10 ms steps).
     */
    private static Frames frames(String label, Stage stage, Double factor) throws Exception {
        int paints0 = ((GraphCanvasSkin) stage.canvas.getSkin()).overview().paints();
        int built0 = stage.views().builtCount();
        double[][] result = fx(() -> {
            double[] t = new double[FRAMES];
            double[] c = new double[FRAMES];
            double[] nodesAndWires = new double[2 * FRAMES];
            double[] fxCpu = new double[FRAMES];
            for (int i = 0; i < FRAMES; i++) {
                long cpu = frameThreadsCpu();
                long fx0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long s = System.nanoTime();
                step(stage.canvas, i, factor);
                // Snapshot runs the scene's CSS and layout passes before it renders, as a pulse does.
                stage.render();
                t[i] = ms(System.nanoTime() - s);
                c[i] = ms(frameThreadsCpu() - cpu);
                fxCpu[i] = ms(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - fx0);
                nodesAndWires[2 * i] = stage.views().nodeLayer().getChildren().size();
                nodesAndWires[2 * i + 1] = stage.views().wireLayer().getChildren().size();
            }
            List<Double> settle = new ArrayList<>();
            if (factor != null) {
                // What the zoom-settle timer does when the wheel stops, then the frames that turn
                // the shown views sharp a few at a time.
                ((GraphCanvasSkin) stage.canvas.getSkin()).settleZoom();
                do {
                    long s = System.nanoTime();
                    stage.canvas.requestLayout();
                    stage.render();
                    settle.add(ms(System.nanoTime() - s));
                } while (stage.views().sharpening() && settle.size() < FRAMES);
            }
            return new double[][] {t, c, settle.stream().mapToDouble(Double::doubleValue).toArray(), nodesAndWires,
                fxCpu};
        });
        Frames frames = new Frames(result[0], result[1]);
        if (Boolean.getBoolean("canvas.bench.frames")) {
            // Each frame's wall time in order, to see where in a sequence the slow frames fall.
            StringBuilder each = new StringBuilder();
            for (int i = 0; i < FRAMES; i++) {
                each.append(" %.1f(%.1f %d/%d)".formatted(result[0][i], result[4][i], (int) result[3][2 * i],
                        (int) result[3][2 * i + 1]));
            }
            System.out.println("  frames (wall ms (FX-thread CPU ms, node/wire views in the scene)):" + each);
        }
        System.out.printf("%s: %d frames; %s; %d overview repaints, %d views built%s   [load %s]%n", label, FRAMES,
                frames.line("").trim(), ((GraphCanvasSkin) stage.canvas.getSkin()).overview().paints() - paints0,
                stage.views().builtCount() - built0,
                factor == null ? "" : "; %d frames after the zoom settles (views turn sharp), longest %.1f ms"
                        .formatted(result[2].length, sorted(result[2])[result[2].length - 1]), load());
        return factor == null ? frames : frames.withSettle(result[2]);
    }

    /**
     * The pause a user makes between panning and zooming: the canvas stays still for the prebuilder's
     * quiet time (the FX thread sleeps, so no real pulse runs meanwhile), then idle frames run as pulses
     * would run them, each the prebuilder's work plus a full render, timed, until it has built its ring.
     */
    private static Frames idle(Stage stage) throws Exception {
        ViewPrebuilder prebuilder = ((GraphCanvasSkin) stage.canvas.getSkin()).prebuilder();
        int built0 = stage.views().builtCount();
        int prepared0 = prebuilder.built();
        // Real pulses run first, for the zoom-settle timer of the last zoom (set before the pan) to fire,
        // but for less than the quiet time, so no idle frame runs untimed.
        long settle = (long) GraphCanvasSkin.ZOOM_SETTLE.toMillis() + 50;
        Thread.sleep(settle);
        double[][] result = fx(() -> {
            Thread.sleep(Math.max(0, ViewPrebuilder.QUIET_NANOS / 1_000_000 + 20 - settle));
            List<Double> wall = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            boolean more = true;
            while (more && wall.size() < 200) {
                long c = frameThreadsCpu();
                long s = System.nanoTime();
                more = prebuilder.frame(System.nanoTime());
                stage.render();
                wall.add(ms(System.nanoTime() - s));
                cpu.add(ms(frameThreadsCpu() - c));
            }
            return new double[][] {wall.stream().mapToDouble(Double::doubleValue).toArray(),
                cpu.stream().mapToDouble(Double::doubleValue).toArray()};
        });
        Frames frames = new Frames(result[0], result[1]);
        System.out.printf("settled pause before zooming: %d ms still (zoom settled: %s), then %d idle frames (%.0f ms at"
                + " 60 Hz) put %d views ahead in the scene, hidden (%d newly built); %s   [load %s]%n",
                ViewPrebuilder.QUIET_NANOS / 1_000_000, !stage.views().isZooming(), result[0].length,
                result[0].length * 1000 / 60.0, prebuilder.built() - prepared0, stage.views().builtCount() - built0,
                frames.line("").trim(), load());
        return frames;
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

    /** CPU time of this (the FX) thread plus JavaFX's render thread, which draws the snapshot. */
    private static long frameThreadsCpu() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        if (renderThread < 0) {
            renderThread = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId).findFirst()
                    .orElse(0);
        }
        long render = renderThread == 0 ? 0 : Math.max(0, threads.getThreadCpuTime(renderThread));
        return threads.getCurrentThreadCpuTime() + render;
    }

    /** CPU time of the whole process (all threads, render thread included), less sensitive to load than wall time. */
    static long processCpu() {
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
