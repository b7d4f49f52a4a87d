package dev.tensorloom.execution.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Batches from an {@link ExampleTable}: a seeded split into training and held-out examples, then
 * the training examples in a fresh seeded order every epoch, batches running across epoch ends.
 */
public final class TableBatchSource implements HostBatchSource {
    private static final long SPLIT_STREAM = 3;
    private static final long EPOCH_STREAM = 4;

    private final ExampleTable table;
    private final long seed;
    private final int[] train;
    private final int[] heldOutIndices;
    private final int heldOutBatchSize;
    private int[] order;
    private long epoch = -1;
    private int position;
    private List<HostBatch> heldOut;

    /**
     * Splits off {@code heldOutFraction} of the examples (rounded, at least one and never all when the
     * fraction is positive and there are two or more examples) for evaluation.
     */
    public TableBatchSource(ExampleTable table, long seed, double heldOutFraction, int heldOutBatchSize) {
        if (!(heldOutFraction >= 0 && heldOutFraction < 1) || heldOutBatchSize < 1) {
            throw new IllegalArgumentException("held-out fraction must be in [0, 1) and batch size >= 1, got "
                    + heldOutFraction + ", " + heldOutBatchSize);
        }
        int n = table.size();
        if (n == 0) {
            throw new IllegalArgumentException("the data set has no examples");
        }
        int held = (int) Math.round(n * heldOutFraction);
        if (heldOutFraction > 0 && n >= 2) {
            held = Math.max(1, Math.min(n - 1, held));
        }
        int[] all = shuffled(identity(n), DataRandom.forBatch(seed ^ SyntheticDataset.HELD_OUT_SALT, SPLIT_STREAM, 0));
        this.table = table;
        this.seed = seed;
        this.heldOutIndices = Arrays.copyOfRange(all, 0, held);
        Arrays.sort(heldOutIndices);
        this.train = Arrays.copyOfRange(all, held, n);
        Arrays.sort(train);
        this.heldOutBatchSize = heldOutBatchSize;
    }

    @Override
    public List<FieldSpec> fields() {
        return table.fields();
    }

    @Override
    public HostBatch next(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        int[] indices = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            if (order == null || position == order.length) {
                epoch++;
                order = shuffled(train.clone(), DataRandom.forBatch(seed, EPOCH_STREAM, epoch));
                position = 0;
            }
            indices[i] = order[position++];
        }
        return table.gather(indices);
    }

    /**
     * Batches run across epoch ends and every epoch has its own seeded order, so after {@code batches}
     * batches the stream stands in epoch {@code consumed / n} at {@code consumed % n}.
     */
    @Override
    public void seek(long batches, int batchSize) {
        if (batches < 0 || batchSize < 1) {
            throw new IllegalArgumentException("cannot seek to " + batches + " batches of " + batchSize);
        }
        long consumed = Math.multiplyExact(batches, (long) batchSize);
        epoch = consumed / train.length;
        order = shuffled(train.clone(), DataRandom.forBatch(seed, EPOCH_STREAM, epoch));
        position = (int) (consumed % train.length);
    }

    @Override
    public synchronized List<HostBatch> heldOut() {
        if (heldOut == null) {
            List<HostBatch> list = new ArrayList<>();
            for (int from = 0; from < heldOutIndices.length; from += heldOutBatchSize) {
                int to = Math.min(heldOutIndices.length, from + heldOutBatchSize);
                list.add(table.gather(Arrays.copyOfRange(heldOutIndices, from, to)));
            }
            heldOut = List.copyOf(list);
        }
        return heldOut;
    }

    /** Indices of the training examples, ascending. */
    public int[] trainIndices() {
        return train.clone();
    }

    /** Indices of the held-out examples, ascending. */
    public int[] heldOutIndices() {
        return heldOutIndices.clone();
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Fisher-Yates shuffle in place. */
    private static int[] shuffled(int[] a, DataRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
