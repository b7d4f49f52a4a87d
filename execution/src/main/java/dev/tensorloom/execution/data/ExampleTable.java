package dev.tensorloom.execution.data;

import java.util.List;

/** A finite set of examples addressed by index, such as a CSV file or an image folder. */
public interface ExampleTable {

    /** Number of examples. */
    int size();

    /** The fields of every gathered batch, in order. */
    List<FieldSpec> fields();

    /** A batch of the examples at {@code indices}, in that order. */
    HostBatch gather(int[] indices);
}
