package dev.tensorloom.studio.activation;

import dev.tensorloom.execution.session.view.DetectedBox;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** Draws a detection scene: the image scaled up, true boxes dashed, predicted boxes solid with class and score. */
final class DetectionCanvas extends Canvas {
    DetectionCanvas(double width, double height) {
        super(width, height);
        getStyleClass().add("detection-canvas");
    }

    void paint(DetectionViewModel.Scene s) {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (s == null || s.width() == 0 || s.height() == 0) {
            return;
        }
        WritableImage image = new WritableImage(s.width(), s.height());
        image.getPixelWriter().setPixels(0, 0, s.width(), s.height(), PixelFormat.getIntArgbInstance(), s.argb(), 0,
                s.width());
        double scale = Math.min(getWidth() / s.width(), getHeight() / s.height());
        g.setImageSmoothing(false);
        g.drawImage(image, 0, 0, s.width() * scale, s.height() * scale);
        g.setFont(Font.font(10));
        g.setLineWidth(2);
        g.setLineDashes(6, 4);
        for (DetectedBox b : s.truth()) {
            outline(g, b, scale, PlotColors.TRUTH, null);
        }
        g.setLineDashes();
        for (DetectedBox b : s.predicted()) {
            outline(g, b, scale, PlotColors.PREDICTED, String.format("%d  %.2f", b.classId(), b.score()));
        }
    }

    private static void outline(GraphicsContext g, DetectedBox b, double scale, Color colour, String label) {
        double x = b.x1() * scale;
        double y = b.y1() * scale;
        g.setStroke(colour);
        g.strokeRect(x, y, Math.max(1, (b.x2() - b.x1()) * scale), Math.max(1, (b.y2() - b.y1()) * scale));
        if (label != null) {
            double w = label.length() * 6 + 4;
            // Kept inside the picture: boxes often touch its border.
            double lx = Math.max(0, Math.min(x - 1, g.getCanvas().getWidth() - w));
            double ly = Math.max(0, y - 14);
            g.setFill(colour);
            g.fillRect(lx, ly, w, 14);
            g.setFill(Color.WHITE);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(label, lx + 3, ly + 7);
        }
    }
}
