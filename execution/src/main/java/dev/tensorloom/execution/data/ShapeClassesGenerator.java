package dev.tensorloom.execution.data;

import java.util.List;

/**
 * Class-conditional toy images for the diffusion template: one white shape on black, {@code image}
 * float32 [B, 1, S, S] in [−1, 1], {@code label} int64 [B]: 0 square, 1 disc, 2 cross, 3 triangle
 * (upright), with random size (radius 0.2–0.4 of the side) and position (fully inside the picture).
 */
public final class ShapeClassesGenerator implements BatchGenerator {
    /** The class names, by label. */
    public static final List<String> CLASSES = List.of("square", "disc", "cross", "triangle");
    private final int size;

    public ShapeClassesGenerator(int size) {
        if (size < 8) {
            throw new IllegalArgumentException("needs size >= 8, got " + size);
        }
        this.size = size;
    }

    /** Picture side in pixels. */
    public int size() {
        return size;
    }

    @Override
    public List<FieldSpec> fields() {
        return LabelledImages.fields(size, "one shape, white (1) on black (−1)", "0 square, 1 disc, 2 cross, 3 triangle");
    }

    @Override
    public HostBatch generate(DataRandom random, int batchSize) {
        return LabelledImages.generate(random, batchSize, size, CLASSES.size(), (r, label) -> {
            float[] pixels = draw(r, label);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = 2 * pixels[i] - 1;
            }
            return pixels;
        });
    }

    private float[] draw(DataRandom random, int label) {
        double r = size * random.nextDouble(0.2, 0.4);
        double cx = random.nextDouble(r + 0.5, size - r - 0.5);
        double cy = random.nextDouble(r + 0.5, size - r - 0.5);
        SoftRaster canvas = new SoftRaster(size, 0f);
        canvas.paint(shape(label, cx, cy, r), 1f);
        return canvas.pixels();
    }

    static SoftRaster.Shape shape(int label, double cx, double cy, double r) {
        return switch (label) {
            case 0 -> SoftRaster.box(cx, cy, 0.8 * r, 0.8 * r);
            case 1 -> SoftRaster.disc(cx, cy, r);
            case 2 -> SoftRaster.union(SoftRaster.box(cx, cy, r, 0.3 * r), SoftRaster.box(cx, cy, 0.3 * r, r));
            case 3 -> SoftRaster.convexPolygon(new double[] {cx, cx + r, cx - r}, new double[] {cy - r, cy + r, cy + r});
            default -> throw new IllegalArgumentException("no shape class " + label);
        };
    }
}
