package dev.tensorloom.canvas;

import dev.tensorloom.canvas.layout.ElkAutoLayout;
import dev.tensorloom.canvas.layout.LayoutThread;
import dev.tensorloom.canvas.view.EstimatedGeometry;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.testing.TestBlocks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * ELK's first layout of a 5,000-node graph in a fresh JVM, run as a child process of {@link
 * CanvasBenchmark}: {@code bare} times ElkAutoLayout.compute with nothing warmed up; {@code studio}
 * starts ELK's warm-up as the studio does at launch ({@link LayoutThread#warmUpInBackground}), starts
 * JavaFX, opens the canvas and asks for an auto-layout at once: the quickest a user could ask, so
 * the time includes whatever of the warm-up's current round still runs; {@code idle} waits for the
 * warm-up first, as when the user looks at the graph before asking.
 * Prints one line: {@code RESULT <mode> <wall ms> <process CPU ms>}. Not a test.
 */
public final class ColdLayoutBenchmark {
    private ColdLayoutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int nodes = Integer.parseInt(args[1]);
        if (!mode.equals("bare")) {
            // What StudioApp.init does before the window exists and any project is read.
            LayoutThread.warmUpInBackground();
        }
        Document doc = CanvasBenchmark.residualGraph(nodes);
        if (mode.equals("bare")) {
            ElkAutoLayout.Input input = ElkAutoLayout.input(doc, new EstimatedGeometry(doc, TestBlocks.catalog()));
            long cpu0 = CanvasBenchmark.processCpu();
            long t0 = System.nanoTime();
            CompletableFuture<Map<String, dev.tensorloom.model.doc.Position>> done = new CompletableFuture<>();
            // The same big stack as the canvas's layout thread.
            Thread t = new Thread(null, () -> done.complete(ElkAutoLayout.compute(input)), "layout", 64L << 20);
            t.start();
            done.get(10, TimeUnit.MINUTES);
            report(mode, t0, cpu0);
            return;
        }
        FxThreadExtension.startToolkit();
        try {
            CompletableFuture<GraphCanvas> opened = new CompletableFuture<>();
            Platform.runLater(() -> {
                GraphCanvas canvas = new GraphCanvas(doc, new UndoStack(doc), TestBlocks.catalog());
                new Scene(canvas, 1280, 800);
                canvas.applyCss();
                canvas.layout();
                opened.complete(canvas);
            });
            GraphCanvas canvas = opened.get(10, TimeUnit.MINUTES);
            if (mode.equals("idle")) {
                LayoutThread.warmUp().get(10, TimeUnit.MINUTES);
            }
            long cpu0 = CanvasBenchmark.processCpu();
            long t0 = System.nanoTime();
            CompletableFuture<CompletableFuture<Boolean>> started = new CompletableFuture<>();
            Platform.runLater(() -> started.complete(canvas.autoLayoutInBackground()));
            if (!started.get().get(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("layout not applied");
            }
            report(mode, t0, cpu0);
        } finally {
            Platform.exit();
        }
    }

    private static void report(String mode, long t0, long cpu0) {
        System.out.printf("RESULT %s %.0f %.0f%n", mode, (System.nanoTime() - t0) / 1e6,
                (CanvasBenchmark.processCpu() - cpu0) / 1e6);
    }

    /** Runs one mode in a fresh JVM with this JVM's class path and options; returns {wall ms, CPU ms}. */
    static double[] inFreshJvm(String mode, int nodes) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdLayoutBenchmark.class.getName(), mode,
                Integer.toString(nodes)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        double[] result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("RESULT ")) {
                    String[] parts = line.split(" ");
                    result = new double[] {Double.parseDouble(parts[2]), Double.parseDouble(parts[3])};
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException("cold layout run '" + mode + "' failed with exit " + p.exitValue());
        }
        return result;
    }
}
