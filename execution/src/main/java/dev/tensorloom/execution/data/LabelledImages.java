package dev.tensorloom.execution.data;

import dev.tensorloom.model.shape.DType;
import java.util.List;

/**
 * A batch of one-channel square pictures with a class label each, the shape of the image-classification
 * datasets: fields {@code image} float32 [B, 1, size, size] and {@code label} int64 [B].
 */
final class LabelledImages {
    /** Draws one picture of class {@code label}: {@code size * size} values, row by row. */
    @FunctionalInterface
    interface Painter {
        float[] paint(DataRandom random, int label);
    }

    private LabelledImages() {
    }

    /** The two fields, each with what its values mean: {@code image} [B, 1, size, size] and {@code label} [B]. */
    static List<FieldSpec> fields(int size, String imageMeaning, String labelMeaning) {
        return List.of(FieldSpec.of("image", DType.FLOAT32, imageMeaning, 1, size, size),
                FieldSpec.of("label", DType.INT64, labelMeaning));
    }

    /** {@code batchSize} pictures, each of a class drawn uniformly from {@code classes}. */
    static HostBatch generate(DataRandom random, int batchSize, int size, int classes, Painter painter) {
        int plane = size * size;
        float[] images = new float[batchSize * plane];
        long[] labels = new long[batchSize];
        for (int b = 0; b < batchSize; b++) {
            int label = random.nextInt(classes);
            labels[b] = label;
            System.arraycopy(painter.paint(random, label), 0, images, b * plane, plane);
        }
        return HostBatch.builder().put("image", HostArray.ofFloats(images, batchSize, 1, size, size))
                .put("label", HostArray.ofLongs(labels, batchSize)).build();
    }
}
