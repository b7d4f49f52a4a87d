package dev.tensorloom.studio.activation;

import dev.tensorloom.execution.session.view.DetectedBox;
import dev.tensorloom.execution.session.view.DetectionPicture;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * A detector's predictions on one held-out image: the true boxes and the predicted ones (already
 * thresholded and NMS-filtered as the mAP metric counts them) scoring at least the chosen threshold.
 */
public final class DetectionViewModel {
    /** Predictions scoring below this are hidden at first: the metric keeps many faint ones. */
    static final double DEFAULT_THRESHOLD = 0.3;

    /** What the canvas draws: the image as ARGB pixels and the boxes to outline. */
    public record Scene(String title, int width, int height, int[] argb, List<DetectedBox> predicted,
            List<DetectedBox> truth) {
    }

    private final DoubleProperty threshold = new SimpleDoubleProperty(DEFAULT_THRESHOLD);
    private final ReadOnlyObjectWrapper<Scene> scene = new ReadOnlyObjectWrapper<>();
    private DetectionPicture latest;

    DetectionViewModel() {
        threshold.addListener((o, a, b) -> rebuild());
    }

    void show(DetectionPicture p) {
        latest = p;
        rebuild();
    }

    void clear() {
        latest = null;
        scene.set(null);
    }

    private void rebuild() {
        DetectionPicture p = latest;
        if (p == null) {
            return;
        }
        List<DetectedBox> shown = p.predicted().stream().filter(b -> b.score() >= threshold.get()).toList();
        String title = String.format("held-out image · step %d · %d predicted (score ≥ %.2f, of %d after NMS) · %d true",
                p.step(), shown.size(), threshold.get(), p.predicted().size(), p.truth().size());
        scene.set(new Scene(title, p.width(), p.height(), argb(p.rgb(), p.width(), p.height()), shown, p.truth()));
    }

    /** Planar RGB in [0, 1] to opaque ARGB pixels. */
    static int[] argb(float[] rgb, int width, int height) {
        int n = width * height;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = 0xFF000000 | channel(rgb[i]) << 16 | channel(rgb[n + i]) << 8 | channel(rgb[2 * n + i]);
        }
        return out;
    }

    private static int channel(float v) {
        return Float.isFinite(v) ? (int) Math.round(255 * Math.min(1, Math.max(0, v))) : 0;
    }

    /** Lowest score of a predicted box that is drawn. */
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** The newest picture, or null before the first is drawn. */
    public ReadOnlyObjectProperty<Scene> sceneProperty() {
        return scene.getReadOnlyProperty();
    }
}
