package dev.tensorloom.execution.data;

import dev.tensorloom.model.shape.DType;
import java.util.Arrays;
import java.util.List;

/**
 * Batches of {@link ShapesScene} pictures for the detector templates: {@code image} float32
 * [B, 3, S, S] in [0, 1]; {@code boxes} float32 [B, M, 4] as (x1, y1, x2, y2) pixels, zero padded;
 * {@code labels} int64 [B, M] with 0 rectangle, 1 ellipse, -1 padding; {@code count} int64 [B].
 */
public final class ShapesDetectionGenerator implements BatchGenerator {
    /** Label of a padding slot. */
    public static final long PADDING = -1;

    private final int size;
    private final int maxObjects;

    public ShapesDetectionGenerator(int size, int maxObjects) {
        if (size < 16 || maxObjects < 1) {
            throw new IllegalArgumentException("needs size >= 16 and max_objects >= 1, got " + size + ", "
                    + maxObjects);
        }
        this.size = size;
        this.maxObjects = maxObjects;
    }

    @Override
    public List<FieldSpec> fields() {
        return List.of(
                FieldSpec.of("image", DType.FLOAT32, "RGB in [0, 1]", 3, size, size),
                FieldSpec.of("boxes", DType.FLOAT32, "x1, y1, x2, y2 in pixels (x2, y2 exclusive), zero padded",
                        maxObjects, 4),
                FieldSpec.of("labels", DType.INT64, "0 rectangle, 1 ellipse, -1 padding", maxObjects),
                FieldSpec.of("count", DType.INT64, "objects in the image"));
    }

    @Override
    public HostBatch generate(DataRandom random, int batchSize) {
        int pixels = 3 * size * size;
        float[] images = new float[batchSize * pixels];
        float[] boxes = new float[batchSize * maxObjects * 4];
        long[] labels = new long[batchSize * maxObjects];
        long[] counts = new long[batchSize];
        Arrays.fill(labels, PADDING);
        for (int b = 0; b < batchSize; b++) {
            ShapesScene scene = ShapesScene.draw(random, size, maxObjects);
            System.arraycopy(scene.image(), 0, images, b * pixels, pixels);
            List<ShapesScene.DrawnObject> objects = scene.objects();
            counts[b] = objects.size();
            for (int k = 0; k < objects.size(); k++) {
                ShapesScene.DrawnObject o = objects.get(k);
                int slot = b * maxObjects + k;
                labels[slot] = o.label();
                boxes[4 * slot] = o.x1();
                boxes[4 * slot + 1] = o.y1();
                boxes[4 * slot + 2] = o.x2();
                boxes[4 * slot + 3] = o.y2();
            }
        }
        return HostBatch.builder()
                .put("image", HostArray.ofFloats(images, batchSize, 3, size, size))
                .put("boxes", HostArray.ofFloats(boxes, batchSize, maxObjects, 4))
                .put("labels", HostArray.ofLongs(labels, batchSize, maxObjects))
                .put("count", HostArray.ofLongs(counts, batchSize))
                .build();
    }
}
