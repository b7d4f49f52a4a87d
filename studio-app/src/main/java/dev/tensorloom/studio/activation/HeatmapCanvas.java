package dev.tensorloom.studio.activation;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Paints a {@link Heatmap} stretched to the canvas without smoothing, so each preview value stays a sharp cell. */
final class HeatmapCanvas extends Canvas {
    private boolean grey;

    HeatmapCanvas(double width, double height) {
        super(width, height);
        getStyleClass().add("heatmap");
    }

    /** Paints in grey levels (for images) instead of the perceptual colour map. */
    HeatmapCanvas grey() {
        grey = true;
        return this;
    }

    void paint(Heatmap map) {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (map == null || map.rows() == 0 || map.cols() == 0) {
            return;
        }
        int[] pixels = new int[map.rows() * map.cols()];
        for (int i = 0; i < pixels.length; i++) {
            double t = map.position(map.values()[i]);
            pixels[i] = grey ? ColorMap.grey(t) : ColorMap.argb(t);
        }
        WritableImage image = new WritableImage(map.cols(), map.rows());
        image.getPixelWriter().setPixels(0, 0, map.cols(), map.rows(), PixelFormat.getIntArgbInstance(), pixels, 0,
                map.cols());
        g.setImageSmoothing(false);
        // Each axis stretches on its own (as matplotlib's aspect 'auto'): a [64, 2] preview fills the square
        // instead of drawing as a sliver.
        g.drawImage(image, 0, 0, getWidth(), getHeight());
    }
}
