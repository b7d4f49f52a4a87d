package dev.tensorloom.execution.data;

import dev.tensorloom.model.shape.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * Batches of 2-D points from a {@link PointSampler}: field {@code x} float32 [B, 2], and, when the
 * density has components, {@code label} int64 [B] (which moon or which Gaussian).
 */
public final class PlanarDensityGenerator implements BatchGenerator {
    private final PointSampler sampler;
    private final String meaning;

    public PlanarDensityGenerator(PointSampler sampler, String meaning) {
        this.sampler = sampler;
        this.meaning = meaning;
    }

    public PointSampler sampler() {
        return sampler;
    }

    @Override
    public List<FieldSpec> fields() {
        List<FieldSpec> fields = new ArrayList<>();
        fields.add(FieldSpec.of("x", DType.FLOAT32, meaning, 2));
        if (sampler.labelCount() > 0) {
            fields.add(FieldSpec.of("label", DType.INT64, "component in [0, " + sampler.labelCount() + ")"));
        }
        return fields;
    }

    @Override
    public HostBatch generate(DataRandom random, int batchSize) {
        float[] x = new float[batchSize * 2];
        long[] labels = new long[batchSize];
        double[] xy = new double[2];
        for (int i = 0; i < batchSize; i++) {
            labels[i] = sampler.sample(random, xy);
            x[2 * i] = (float) xy[0];
            x[2 * i + 1] = (float) xy[1];
        }
        HostBatch.Builder b = HostBatch.builder().put("x", HostArray.ofFloats(x, batchSize, 2));
        if (sampler.labelCount() > 0) {
            b.put("label", HostArray.ofLongs(labels, batchSize));
        }
        return b.build();
    }
}
