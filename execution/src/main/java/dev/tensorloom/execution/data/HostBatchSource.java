package dev.tensorloom.execution.data;

import java.util.List;

/** A seeded stream of training batches plus fixed held-out batches, as host arrays. */
public interface HostBatchSource {

    /** The fields of every batch, in order. */
    List<FieldSpec> fields();

    /** The next training batch of {@code batchSize} examples. */
    HostBatch next(int batchSize);

    /** The held-out batches: the same ones on every call. */
    List<HostBatch> heldOut();

    /** As {@link BatchSource#seek}: the next batch is the one after {@code batches} batches of {@code batchSize}. */
    default void seek(long batches, int batchSize) {
        throw new UnsupportedOperationException("this data source cannot continue at a step");
    }
}
