package dev.tensorloom.execution.session.view;

import java.util.List;

/**
 * One held-out image with the detector's boxes (scored, thresholded and NMS-filtered exactly as the mAP
 * metric does) and the true boxes.
 *
 * @param rgb       planar [3, height, width] values in [0, 1] (a grey image repeats its channel)
 * @param predicted detections, highest score first
 * @param truth     the image's true boxes
 */
public record DetectionPicture(long step, int width, int height, float[] rgb, List<DetectedBox> predicted,
        List<DetectedBox> truth) implements NodeView {
    public DetectionPicture {
        predicted = List.copyOf(predicted);
        truth = List.copyOf(truth);
    }
}
