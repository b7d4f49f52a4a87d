package dev.tensorloom.execution.data;

import java.util.List;

/** Makes batches of one synthetic task from a random generator; pure Java, no DJL. */
public interface BatchGenerator {

    /** The fields of every batch, in order. */
    List<FieldSpec> fields();

    /** A batch of {@code batchSize} examples drawn from {@code random}. */
    HostBatch generate(DataRandom random, int batchSize);
}
