package dev.tensorloom.execution.data;

import dev.tensorloom.model.shape.DType;
import java.util.List;

/**
 * Stick figures in random poses for keypoint regression: {@code image} float32 [B, 1, S, S] (limbs on
 * black, slight noise), {@code keypoints} float32 [B, 11, 2] as (x, y) divided by S. Left limbs are
 * drawn at half the brightness of right limbs so left and right can be told apart. Keypoints, in order:
 * head, neck, pelvis, left elbow, left hand, right elbow, right hand, left knee, left foot, right knee,
 * right foot. Scale 0.7–1.2 and position are random; the whole figure stays inside the picture.
 * A fraction of the figures (half by default) stand behind an occluder, as people in real photographs do: a
 * flat grey box (value 0.2–0.4, sides 8–16 px at S = 64) over one random joint, which hides that joint and
 * the limbs near it. The hidden joints keep their true positions in {@code keypoints} (as COCO labels
 * occluded joints), so for both a model and its baseline they must be guessed from the rest of the body.
 */
public final class StickFigureGenerator implements BatchGenerator {
    /** Keypoints per figure. */
    public static final int KEYPOINTS = 11;
    private static final double NOISE = 0.05;
    /** Fraction of figures behind an occluder unless the dataset says otherwise. */
    public static final double DEFAULT_OCCLUDED = 0.5;
    private static final double LIMB_HALF_WIDTH = 1.0;
    private final int size;
    private final double occluded;

    /** Figures of side {@code size}, {@link #DEFAULT_OCCLUDED} of them occluded. */
    public StickFigureGenerator(int size) {
        this(size, DEFAULT_OCCLUDED);
    }

    public StickFigureGenerator(int size, double occluded) {
        if (size < 32) {
            throw new IllegalArgumentException("needs size >= 32, got " + size);
        }
        if (occluded < 0 || occluded > 1) {
            throw new IllegalArgumentException("occluded fraction must be in [0, 1], got " + occluded);
        }
        this.size = size;
        this.occluded = occluded;
    }

    @Override
    public List<FieldSpec> fields() {
        return List.of(FieldSpec.of("image", DType.FLOAT32, "stick figure, limbs bright on black", 1, size, size),
                FieldSpec.of("keypoints", DType.FLOAT32, "11 joints as (x, y) / image side", KEYPOINTS, 2));
    }

    @Override
    public HostBatch generate(DataRandom random, int batchSize) {
        int plane = size * size;
        float[] images = new float[batchSize * plane];
        float[] keypoints = new float[batchSize * KEYPOINTS * 2];
        for (int b = 0; b < batchSize; b++) {
            double[] k = pose(random);
            SoftRaster canvas = new SoftRaster(size, 0f);
            draw(canvas, k);
            // drawn for every figure so the random stream, and thus the poses, do not depend on the fraction
            double[] box = occluder(random, k);
            if (box[4] < occluded) {
                canvas.paint(SoftRaster.box(box[0], box[1], box[2], box[3]), (float) box[5]);
            }
            float[] pixels = canvas.pixels();
            for (int i = 0; i < plane; i++) {
                images[b * plane + i] = (float) (pixels[i] + random.nextDouble(-NOISE, NOISE));
            }
            for (int i = 0; i < 2 * KEYPOINTS; i++) {
                keypoints[b * 2 * KEYPOINTS + i] = (float) (k[i] / size);
            }
        }
        return HostBatch.builder().put("image", HostArray.ofFloats(images, batchSize, 1, size, size))
                .put("keypoints", HostArray.ofFloats(keypoints, batchSize, KEYPOINTS, 2)).build();
    }

    /**
     * An occluder over a random joint: centre x, y (within 3 px of the joint), half sides (4–8 px, so the
     * joint is always covered), a uniform draw that decides whether it is used, and its grey value.
     */
    private double[] occluder(DataRandom random, double[] k) {
        double unit = size / 64.0;
        int joint = random.nextInt(KEYPOINTS);
        return new double[] {k[2 * joint] + random.nextDouble(-3, 3) * unit, k[2 * joint + 1] + random.nextDouble(-3, 3) * unit,
            random.nextDouble(4, 8) * unit, random.nextDouble(4, 8) * unit, random.nextDouble(), random.nextDouble(0.2, 0.4)};
    }

    /** Joint positions in pixels, x0, y0, x1, y1, … */
    double[] pose(DataRandom random) {
        double s = size / 64.0 * random.nextDouble(0.7, 1.2);
        double[] k = new double[2 * KEYPOINTS];
        double lean = random.nextDouble(-0.35, 0.35);
        set(k, 1, 0, 0);
        set(k, 2, 14 * s * Math.sin(lean), 14 * s * Math.cos(lean));
        double headAngle = lean + Math.PI + random.nextDouble(-0.3, 0.3);
        set(k, 0, 5 * s * Math.sin(headAngle), 5 * s * Math.cos(headAngle));
        limb(random, k, 1, 3, 4, 8 * s, 7 * s, -Math.PI * 0.95, -0.1);
        limb(random, k, 1, 5, 6, 8 * s, 7 * s, 0.1, Math.PI * 0.95);
        limb(random, k, 2, 7, 8, 9 * s, 9 * s, -0.9, 0.1);
        limb(random, k, 2, 9, 10, 9 * s, 9 * s, -0.1, 0.9);
        place(random, k);
        return k;
    }

    /**
     * A two-segment limb from joint {@code root}: the upper segment's angle (from straight down,
     * positive towards +x) in [lo, hi], the lower bent by up to ±1.2 rad.
     */
    private static void limb(DataRandom random, double[] k, int root, int mid, int end, double upper, double lower,
            double lo, double hi) {
        double a = random.nextDouble(lo, hi);
        set(k, mid, k[2 * root] + upper * Math.sin(a), k[2 * root + 1] + upper * Math.cos(a));
        double b = a + random.nextDouble(-1.2, 1.2);
        set(k, end, k[2 * mid] + lower * Math.sin(b), k[2 * mid + 1] + lower * Math.cos(b));
    }

    /** Shifts the figure to a random position with every joint (and the head disc) inside the picture. */
    private void place(DataRandom random, double[] k) {
        double margin = 5 * size / 64.0;
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < KEYPOINTS; i++) {
            minX = Math.min(minX, k[2 * i]);
            maxX = Math.max(maxX, k[2 * i]);
            minY = Math.min(minY, k[2 * i + 1]);
            maxY = Math.max(maxY, k[2 * i + 1]);
        }
        double dx = random.nextDouble(margin - minX, Math.max(margin - minX + 1e-9, size - margin - maxX));
        double dy = random.nextDouble(margin - minY, Math.max(margin - minY + 1e-9, size - margin - maxY));
        for (int i = 0; i < KEYPOINTS; i++) {
            k[2 * i] += dx;
            k[2 * i + 1] += dy;
        }
    }

    private static void set(double[] k, int joint, double x, double y) {
        k[2 * joint] = x;
        k[2 * joint + 1] = y;
    }

    private void draw(SoftRaster canvas, double[] k) {
        double unit = size / 64.0;
        canvas.paint(SoftRaster.disc(k[0], k[1], 3.5 * unit), 0.8f);
        bone(canvas, k, 0, 1, 1f);
        bone(canvas, k, 1, 2, 1f);
        bone(canvas, k, 1, 3, 0.5f);
        bone(canvas, k, 3, 4, 0.5f);
        bone(canvas, k, 2, 7, 0.5f);
        bone(canvas, k, 7, 8, 0.5f);
        bone(canvas, k, 1, 5, 1f);
        bone(canvas, k, 5, 6, 1f);
        bone(canvas, k, 2, 9, 1f);
        bone(canvas, k, 9, 10, 1f);
    }

    private void bone(SoftRaster canvas, double[] k, int a, int b, float value) {
        canvas.paint(SoftRaster.segment(k[2 * a], k[2 * a + 1], k[2 * b], k[2 * b + 1], LIMB_HALF_WIDTH * size / 64.0), value);
    }
}
