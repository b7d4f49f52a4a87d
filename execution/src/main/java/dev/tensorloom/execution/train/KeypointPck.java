package dev.tensorloom.execution.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * PCK@0.05 of predicted keypoints [B, K, 2] against the true ones, with the bounding-box normalisation
 * of pose papers (Yang and Ramanan 2013; mmpose's {@code PCKAccuracy} with norm_item "bbox"): a joint
 * counts when its prediction lies within 0.05 × max(width, height) of the tight box around the figure's
 * true joints. Scored per figure, so the 95% interval allows for the joints of one figure moving together.
 */
public final class KeypointPck extends ProportionMetric {
    /** The metric's name in evaluations and metrics files. */
    public static final String NAME = "pck@0.05";
    /** Fraction of the box's longer side a joint may be off. */
    public static final double THRESHOLD = 0.05;

    public KeypointPck() {
        super(NAME);
    }

    @Override
    public void accumulate(NDArray output, NDArray target) {
        float[] predicted = output.toType(DataType.FLOAT32, false).toFloatArray();
        float[] truth = target.toType(DataType.FLOAT32, false).toFloatArray();
        int figures = (int) target.getShape().get(0);
        int keypoints = truth.length / (2 * figures);
        for (int f = 0; f < figures; f++) {
            estimator.add(hits(predicted, truth, f, keypoints), keypoints);
        }
    }

    /** Joints of figure {@code f} within the threshold. */
    static int hits(float[] predicted, float[] truth, int f, int keypoints) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int j = 0; j < keypoints; j++) {
            int i = 2 * (f * keypoints + j);
            minX = Math.min(minX, truth[i]);
            maxX = Math.max(maxX, truth[i]);
            minY = Math.min(minY, truth[i + 1]);
            maxY = Math.max(maxY, truth[i + 1]);
        }
        double limit = THRESHOLD * Math.max(maxX - minX, maxY - minY);
        int hits = 0;
        for (int j = 0; j < keypoints; j++) {
            int i = 2 * (f * keypoints + j);
            hits += Math.hypot(predicted[i] - truth[i], predicted[i + 1] - truth[i + 1]) < limit ? 1 : 0;
        }
        return hits;
    }

}
