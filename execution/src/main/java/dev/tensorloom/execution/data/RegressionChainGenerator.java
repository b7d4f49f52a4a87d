package dev.tensorloom.execution.data;

import dev.tensorloom.model.shape.DType;
import java.util.List;

/**
 * A smooth regression target for the deep-chain checkpointing showcase: {@code x ~ N(0, I)} in
 * {@code R^d} and {@code y = tanh(x W1) W2} with fixed Gaussian weights drawn once from the dataset
 * seed ({@code W1} entries std {@code 1/sqrt(d)}, {@code W2} entries std {@code 1/sqrt(h)}, so the
 * pre-activations and outputs are of order 1). Fields {@code x}, {@code y} float32 [B, d].
 */
public final class RegressionChainGenerator implements BatchGenerator {
    private final int features;
    private final int hidden;
    private final float[] w1;
    private final float[] w2;

    public RegressionChainGenerator(int features, int hidden, long seed) {
        if (features < 1 || hidden < 1) {
            throw new IllegalArgumentException("needs features and hidden >= 1, got " + features + ", " + hidden);
        }
        this.features = features;
        this.hidden = hidden;
        DataRandom weights = DataRandom.forBatch(seed, 0x3E16L, 0);
        this.w1 = gaussian(weights, features * hidden, 1 / Math.sqrt(features));
        this.w2 = gaussian(weights, hidden * features, 1 / Math.sqrt(hidden));
    }

    private static float[] gaussian(DataRandom r, int n, double std) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) (std * r.nextGaussian());
        }
        return w;
    }

    @Override
    public List<FieldSpec> fields() {
        return List.of(
                FieldSpec.of("x", DType.FLOAT32, "standard normal inputs", features),
                FieldSpec.of("y", DType.FLOAT32, "tanh(x W1) W2 with fixed seeded weights", features));
    }

    @Override
    public HostBatch generate(DataRandom random, int batchSize) {
        float[] x = new float[batchSize * features];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        float[] y = new float[batchSize * features];
        for (int b = 0; b < batchSize; b++) {
            float[] row = new float[features];
            System.arraycopy(x, b * features, row, 0, features);
            System.arraycopy(apply(row), 0, y, b * features, features);
        }
        return HostBatch.builder()
                .put("x", HostArray.ofFloats(x, batchSize, features))
                .put("y", HostArray.ofFloats(y, batchSize, features))
                .build();
    }

    /** W1 as a row-major [d, h] copy, for checking against the formula. */
    float[] w1() {
        return w1.clone();
    }

    /** W2 as a row-major [h, d] copy. */
    float[] w2() {
        return w2.clone();
    }

    /** The target function for one input row. */
    public float[] apply(float[] x) {
        double[] h = new double[hidden];
        for (int i = 0; i < features; i++) {
            double xi = x[i];
            int row = i * hidden;
            for (int j = 0; j < hidden; j++) {
                h[j] += xi * w1[row + j];
            }
        }
        double[] y = new double[features];
        for (int j = 0; j < hidden; j++) {
            double hj = Math.tanh(h[j]);
            int row = j * features;
            for (int k = 0; k < features; k++) {
                y[k] += hj * w2[row + k];
            }
        }
        float[] out = new float[features];
        for (int k = 0; k < features; k++) {
            out[k] = (float) y[k];
        }
        return out;
    }
}
