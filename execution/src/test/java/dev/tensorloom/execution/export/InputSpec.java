package dev.tensorloom.execution.export;

import dev.tensorloom.execution.data.HostArray;
import java.util.Arrays;
import java.util.Random;

/**
 * One input of a block case: its shape and what kind of values it holds, generated from a seed so the
 * same case gives the same numbers in every run.
 */
record InputSpec(long[] shape, Kind kind, double bound) {

    /** What the values are. */
    enum Kind {
        /** Standard normal floats. */
        NORMAL,
        /** Floats uniform in (0, bound): scales, probabilities, times. */
        UNIFORM,
        /** int64 class indices in [0, bound). */
        INDICES,
        /** Boxes (cx, cy, w, h) as floats in the unit square, last dimension 4. */
        BOXES,
        /** Boxes (x1, y1, x2, y2) as floats in pixels of an image of side bound, last dimension 4. */
        CORNERS,
        /**
         * Detection targets [B, T, 4] as the shapes-detection dataset writes them: whole-pixel corners
         * (x1, y1, x2, y2) inside an image of side bound, example b holding {@link #objects} real boxes and
         * zero padding after them.
         */
        TARGET_BOXES,
        /** Detection labels [B, T] in [0, bound), −1 in the padding slots of {@link #TARGET_BOXES}. */
        TARGET_LABELS,
        /** IoU-aware classification targets: 0 for about half the elements, uniform in (0, 1) elsewhere. */
        QUALITY
    }

    static InputSpec normal(long... shape) {
        return new InputSpec(shape, Kind.NORMAL, 1);
    }

    static InputSpec uniform(double bound, long... shape) {
        return new InputSpec(shape, Kind.UNIFORM, bound);
    }

    static InputSpec indices(int classes, long... shape) {
        return new InputSpec(shape, Kind.INDICES, classes);
    }

    static InputSpec boxes(long... shape) {
        return new InputSpec(shape, Kind.BOXES, 1);
    }

    /** Real boxes given as corners (x1, y1, x2, y2) in pixels of an image of side {@code imageSize}. */
    static InputSpec corners(double imageSize, long... shape) {
        return new InputSpec(shape, Kind.CORNERS, imageSize);
    }

    /** Padded detection targets [B, T, 4] in an image of side {@code imageSize}; see {@link #objects}. */
    static InputSpec targetBoxes(int imageSize, long batch, long slots) {
        return new InputSpec(new long[] {batch, slots, 4}, Kind.TARGET_BOXES, imageSize);
    }

    /** The labels [B, T] of {@link #targetBoxes} with the same padding: classes in [0, classes), −1 after. */
    static InputSpec targetLabels(int classes, long batch, long slots) {
        return new InputSpec(new long[] {batch, slots}, Kind.TARGET_LABELS, classes);
    }

    static InputSpec quality(long... shape) {
        return new InputSpec(shape, Kind.QUALITY, 1);
    }

    /** Real objects of example b among T slots: 1 + b mod T, so a batch shows every count from one to full. */
    static int objects(int example, int slots) {
        return 1 + example % slots;
    }

    boolean isInteger() {
        return kind == Kind.INDICES || kind == Kind.TARGET_LABELS;
    }

    /** The shape as the input block's {@code shape} parameter, e.g. {@code [B, 5, 8]} with B the first dimension. */
    String symbolic() {
        StringBuilder b = new StringBuilder("[B");
        for (int i = 1; i < shape.length; i++) {
            b.append(", ").append(shape[i]);
        }
        return b.append(']').toString();
    }

    HostArray generate(Random r) {
        int n = Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b));
        if (kind == Kind.TARGET_BOXES || kind == Kind.TARGET_LABELS) {
            return padded(r);
        }
        if (kind == Kind.INDICES) {
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextInt((int) bound);
            }
            return HostArray.ofLongs(v, shape);
        }
        float[] v = new float[n];
        if (kind == Kind.CORNERS) {
            for (int i = 0; i < n; i += 4) {
                System.arraycopy(corners(r, bound, false), 0, v, i, 4);
            }
            return HostArray.ofFloats(v, shape);
        }
        for (int i = 0; i < n; i++) {
            v[i] = switch (kind) {
                case NORMAL -> (float) r.nextGaussian();
                case UNIFORM -> (float) (bound * (0.05 + 0.9 * r.nextDouble()));
                case BOXES -> boxValue(r, i % 4);
                case QUALITY -> r.nextBoolean() ? 0f : (float) (0.05 + 0.9 * r.nextDouble());
                default -> throw new IllegalStateException();
            };
        }
        return HostArray.ofFloats(v, shape);
    }

    private HostArray padded(Random r) {
        int batch = (int) shape[0];
        int slots = (int) shape[1];
        if (kind == Kind.TARGET_LABELS) {
            long[] labels = new long[batch * slots];
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t < slots; t++) {
                    labels[b * slots + t] = t < objects(b, slots) ? r.nextInt((int) bound) : -1;
                }
            }
            return HostArray.ofLongs(labels, shape);
        }
        float[] boxes = new float[batch * slots * 4];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < objects(b, slots); t++) {
                System.arraycopy(corners(r, bound, true), 0, boxes, (b * slots + t) * 4, 4);
            }
        }
        return HostArray.ofFloats(boxes, shape);
    }

    /** A box inside the image: sides between a tenth and 0.4 of it, whole pixels if asked. */
    private static float[] corners(Random r, double side, boolean wholePixels) {
        double w = side * (0.1 + 0.3 * r.nextDouble());
        double h = side * (0.1 + 0.3 * r.nextDouble());
        double x = (side - w) * r.nextDouble();
        double y = (side - h) * r.nextDouble();
        if (wholePixels) {
            w = Math.max(1, Math.round(w));
            h = Math.max(1, Math.round(h));
            x = Math.floor(x);
            y = Math.floor(y);
        }
        return new float[] {(float) x, (float) y, (float) (x + w), (float) (y + h)};
    }

    /** Centres in [0.25, 0.75], sizes in [0.1, 0.4]: boxes that stay inside the unit square. */
    private static float boxValue(Random r, int coordinate) {
        return (float) (coordinate < 2 ? 0.25 + 0.5 * r.nextDouble() : 0.1 + 0.3 * r.nextDouble());
    }
}
