package dev.tensorloom.execution.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArrayBatchSourceTest {

    @Test
    void copiesHostBatchesIntoNdArraysOfTheSameTypeShapeAndValues() {
        DatasetRegistry r = DatasetRegistry.standard();
        BatchSource source = new ArrayBatchSource(r.open("shapes-detection?size=32", 4));
        HostBatch expected = r.open("shapes-detection?size=32", 4).next(3);
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> batch = source.next(m, 3);
            assertEquals(List.of("image", "boxes", "labels", "count"), List.copyOf(batch.keySet()));
            assertEquals(DataType.FLOAT32, batch.get("image").getDataType());
            assertEquals(new Shape(3, 3, 32, 32), batch.get("image").getShape());
            assertEquals(DataType.INT64, batch.get("labels").getDataType());
            assertArrayEquals(expected.get("image").floats(), batch.get("image").toFloatArray());
            assertArrayEquals(expected.get("labels").longs(), batch.get("labels").toLongArray());
            assertEquals(m, batch.get("count").getManager());
        }
    }

    @Test
    void heldOutGivesTheSameArraysOnEveryCall() {
        BatchSource source = new ArrayBatchSource(DatasetRegistry.standard().open("seq-sort", 2));
        try (NDManager m = NDManager.newBaseManager()) {
            List<Map<String, NDArray>> a = source.heldOut(m);
            List<Map<String, NDArray>> b = source.heldOut(m);
            assertEquals(DatasetRegistry.HELD_OUT_BATCHES, a.size());
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i).get("tokens").toLongArray(), b.get(i).get("tokens").toLongArray());
                assertEquals(new Shape(DatasetRegistry.HELD_OUT_BATCH_SIZE, 16), a.get(i).get("target").getShape());
            }
        }
    }
}
