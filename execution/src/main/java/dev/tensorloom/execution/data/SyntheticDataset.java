package dev.tensorloom.execution.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A generator bound to a seed. Training batch k comes from its own generator derived from
 * (seed, k), so a run is reproducible and a resumed run can {@link #seek} to its step. Held-out
 * batches come from a separate stream ({@code seed ^ 0x5EED}) and never coincide with training ones.
 */
public final class SyntheticDataset implements HostBatchSource {
    /** Mixed into the seed for the held-out stream. */
    public static final long HELD_OUT_SALT = 0x5EED;
    private static final long TRAIN_STREAM = 1;
    private static final long HELD_OUT_STREAM = 2;

    private final BatchGenerator generator;
    private final long seed;
    private final int heldOutBatches;
    private final int heldOutBatchSize;
    private long nextIndex;
    private List<HostBatch> heldOut;

    public SyntheticDataset(BatchGenerator generator, long seed, int heldOutBatches, int heldOutBatchSize) {
        if (heldOutBatches < 0 || heldOutBatchSize < 1) {
            throw new IllegalArgumentException("held-out needs batches >= 0 and batch size >= 1, got "
                    + heldOutBatches + " x " + heldOutBatchSize);
        }
        this.generator = generator;
        this.seed = seed;
        this.heldOutBatches = heldOutBatches;
        this.heldOutBatchSize = heldOutBatchSize;
    }

    @Override
    public List<FieldSpec> fields() {
        return generator.fields();
    }

    @Override
    public HostBatch next(int batchSize) {
        return batch(nextIndex++, batchSize);
    }

    /** Training batch number {@code index} (0-based) of size {@code batchSize}; does not move the stream. */
    public HostBatch batch(long index, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        return generator.generate(DataRandom.forBatch(seed, TRAIN_STREAM, index), batchSize);
    }

    /** Makes {@code index} the next training batch, e.g. when resuming at a step. */
    public void seek(long index) {
        nextIndex = index;
    }

    /** Batch k depends on k alone, whatever the sizes before it, so the batch size plays no part. */
    @Override
    public void seek(long batches, int batchSize) {
        seek(batches);
    }

    @Override
    public synchronized List<HostBatch> heldOut() {
        if (heldOut == null) {
            List<HostBatch> list = new ArrayList<>();
            for (int i = 0; i < heldOutBatches; i++) {
                DataRandom r = DataRandom.forBatch(seed ^ HELD_OUT_SALT, HELD_OUT_STREAM, i);
                list.add(generator.generate(r, heldOutBatchSize));
            }
            heldOut = List.copyOf(list);
        }
        return heldOut;
    }

    public BatchGenerator generator() {
        return generator;
    }
}
