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
}
