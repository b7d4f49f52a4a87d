package dev.tensorloom.canvas;

import dev.tensorloom.canvas.overview.OverviewLayer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * Why {@link OverviewLayer} draws in screen space: what one frame costs when a near-full-screen
 * bitmap is drawn by JavaFX's software renderer 1:1 on whole pixels, on a half pixel, or scaled, as
 * a {@link Canvas} and as an {@link ImageView}, next to an empty scene measured in the same run.
 * Run with the Monocle properties of bench/canvas.sh. Not a test.
 */
public final class BitmapDrawBenchmark {
    private static final int W = 1280;
    private static final int H = 800;
    private static final int FRAMES = 30;

    private BitmapDrawBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        FxThreadExtension.startToolkit();
        try {
            for (int round = 1; round <= 2; round++) {
                double empty = time("empty", false, null);
                System.out.printf("round %d: empty scene %.2f ms a frame%n", round, empty);
                for (String placement : List.of("1:1", "half pixel", "scaled 1.03")) {
                    for (boolean canvas : new boolean[] {true, false}) {
                        double ms = time(placement, canvas, placement);
                        System.out.printf("  %-12s %-10s %6.2f ms  (x%.1f the empty scene)%n", canvas ? "Canvas" : "ImageView",
                                placement, ms, ms / empty);
                    }
                }
            }
        } finally {
            Platform.exit();
        }
    }

    /** Mean wall time of a snapshot frame with one 1200×760 bitmap placed as {@code placement} (null: none). */
    private static double time(String label, boolean asCanvas, String placement) throws Exception {
        CompletableFuture<Double> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            Pane root = new Pane();
            root.setStyle("-fx-background-color: white");
            Scene scene = new Scene(root, W, H);
            Node bitmap = placement == null ? new Group() : bitmap(asCanvas);
            if ("half pixel".equals(placement)) {
                bitmap.getTransforms().add(new Translate(3.5, 2.5));
            } else if ("scaled 1.03".equals(placement)) {
                bitmap.getTransforms().add(new Scale(1.03, 1.03));
            }
            root.getChildren().add(bitmap);
            WritableImage frame = new WritableImage(W, H);
            for (int i = 0; i < 10; i++) {
                scene.snapshot(frame);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < FRAMES; i++) {
                // Whole-pixel moves, as a pan makes.
                bitmap.setTranslateX(-i);
                scene.snapshot(frame);
            }
            result.complete((System.nanoTime() - t0) / 1e6 / FRAMES);
        });
        return result.get(5, TimeUnit.MINUTES);
    }

    /** Stripes of boxes on a transparent background, like the overview of a laid-out graph. */
    private static Node bitmap(boolean asCanvas) {
        int w = 1200;
        int h = 760;
        WritableImage image = new WritableImage(w, h);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pixels.setArgb(x, y, (x / 7 + y / 5) % 3 == 0 ? 0xff556677 : 0);
            }
        }
        if (!asCanvas) {
            return new ImageView(image);
        }
        Canvas canvas = new Canvas(w, h);
        canvas.getGraphicsContext2D().drawImage(image, 0, 0);
        return canvas;
    }
}
