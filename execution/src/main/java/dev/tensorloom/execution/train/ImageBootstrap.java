package dev.tensorloom.execution.train;

import dev.tensorloom.execution.op.detection.DetectionMetrics.Detection;
import dev.tensorloom.execution.op.detection.DetectionMetrics.Truth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;

/**
 * The 95% percentile-bootstrap interval of a detection score, such as mAP, that is not a mean over
 * images: the held-out images are drawn with replacement {@link #RESAMPLES} times (a fixed seed, so the
 * interval is reproducible), a drawn image keeping its detections and truths under a new image number,
 * and the interval runs from the 2.5th to the 97.5th percentile of the resampled scores.
 */
public final class ImageBootstrap {
    /** Resamples; 200 put the percentiles within about ±0.01 of their limit on 1,000 images. */
    public static final int RESAMPLES = 200;
    private static final long SEED = 0xB007;

    private ImageBootstrap() {
    }

    /** {@code score} on all images with its interval; {@code images} is the number of held-out images. */
    public static Estimate estimate(List<Detection> detections, List<Truth> truths, int images,
            ToDoubleBiFunction<List<Detection>, List<Truth>> score) {
        double value = score.applyAsDouble(detections, truths);
        if (images < 2 || Double.isNaN(value)) {
            return Estimate.pointOnly(value, images);
        }
        List<List<Detection>> detectionsOf = byImage(images);
        List<List<Truth>> truthsOf = byImage(images);
        detections.forEach(d -> detectionsOf.get(d.image()).add(d));
        truths.forEach(t -> truthsOf.get(t.image()).add(t));
        SplittableRandom random = new SplittableRandom(SEED);
        double[] scores = new double[RESAMPLES];
        int kept = 0;
        for (int r = 0; r < RESAMPLES; r++) {
            List<Detection> ds = new ArrayList<>(detections.size());
            List<Truth> ts = new ArrayList<>(truths.size());
            for (int i = 0; i < images; i++) {
                int from = random.nextInt(images);
                for (Detection d : detectionsOf.get(from)) {
                    ds.add(new Detection(i, d.classId(), d.score(), d.box()));
                }
                for (Truth t : truthsOf.get(from)) {
                    ts.add(new Truth(i, t.classId(), t.box()));
                }
            }
            double s = score.applyAsDouble(ds, ts);
            if (!Double.isNaN(s)) {
                scores[kept++] = s;
            }
        }
        if (kept < 2) {
            return Estimate.pointOnly(value, images);
        }
        double[] sorted = Arrays.copyOf(scores, kept);
        Arrays.sort(sorted);
        return new Estimate(value, percentile(sorted, 0.025), percentile(sorted, 0.975), images);
    }

    private static <T> List<List<T>> byImage(int images) {
        List<List<T>> lists = new ArrayList<>(images);
        for (int i = 0; i < images; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    /** Linear interpolation between order statistics (numpy's default). */
    static double percentile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
    }
}
