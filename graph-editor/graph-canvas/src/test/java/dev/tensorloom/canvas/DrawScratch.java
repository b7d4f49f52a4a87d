package dev.tensorloom.canvas;

import java.util.concurrent.*;
import javafx.application.Platform;
import javafx.scene.*;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.*;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.transform.*;

/** Scratch: what a full-screen bitmap costs to draw in the software pipeline. */
public final class DrawScratch {
    public static void main(String[] args) throws Exception {
        FxThreadExtension.startToolkit();
        try {
            for (int round = 0; round < 2; round++) {
                for (String mode : "image-smooth-1to1 image-smooth-opaque-1to1 canvas-1to1 image-smooth-frac image-smooth-net1int canvas-net1int canvas-frac".split(" ")) {
                    System.out.printf("%-30s %.2f ms%n", mode, time(mode));
                }
            }
        } finally {
            Platform.exit();
        }
    }

    static double time(String mode) throws Exception {
        CompletableFuture<Double> r = new CompletableFuture<>();
        Platform.runLater(() -> {
            Pane root = new Pane();
            root.setStyle("-fx-background-color: white");
            Scene scene = new Scene(root, 1280, 800);
            int w = 1200;
            int h = 760;
            boolean opaque = mode.contains("opaque");
            WritableImage img = new WritableImage(w, h);
            PixelWriter pw = img.getPixelWriter();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    boolean on = (x / 7 + y / 5) % 3 == 0;
                    pw.setArgb(x, y, on ? 0xff556677 : (opaque ? 0xffffffff : 0));
                }
            }
            Node n;
            if (mode.startsWith("canvas")) {
                Canvas c = new Canvas(w, h);
                c.getGraphicsContext2D().drawImage(img, 0, 0);
                n = c;
            } else if (mode.startsWith("image")) {
                ImageView v = new ImageView(img);
                v.setSmooth(mode.contains("smooth"));
                n = v;
            } else {
                n = new Group();
            }
            Group world = new Group(n);
            if (mode.contains("scaled")) {
                world.getTransforms().add(new Scale(1.03, 1.03));
                n.getTransforms().add(new Translate(3.3, 2.7));
            } else if (mode.contains("frac")) {
                n.getTransforms().add(new Translate(3.5, 2.5));
            } else if (mode.contains("net1int")) {
                world.getTransforms().add(new Scale(0.5, 0.5));
                n.getTransforms().add(new Scale(2, 2));
                n.getTransforms().add(new Translate(3, 2));
            } else if (!mode.contains("1to1")) {
                world.getTransforms().add(new Scale(0.5, 0.5));
                n.getTransforms().add(new Scale(2, 2));
                n.getTransforms().add(new Translate(3.5, 2.5));
            }
            root.getChildren().add(world);
            WritableImage frame = new WritableImage(1280, 800);
            for (int i = 0; i < 10; i++) {
                scene.snapshot(frame);
            }
            long t0 = System.nanoTime();
            int n0 = 30;
            for (int i = 0; i < n0; i++) {
                n.setTranslateX(-i);
                scene.snapshot(frame);
            }
            r.complete((System.nanoTime() - t0) / 1e6 / n0);
        });
        return r.get(5, TimeUnit.MINUTES);
    }
}
