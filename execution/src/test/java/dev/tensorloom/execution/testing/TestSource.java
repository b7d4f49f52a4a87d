package dev.tensorloom.execution.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.tensorloom.execution.data.BatchSource;
import java.util.List;
import java.util.Map;

/** A seeded {@link BatchSource} of {@link TestGraphs#batch} batches: y = sin(x). */
public final class TestSource implements BatchSource {
    private final long seed;
    private long drawn;

    public TestSource(long seed) {
        this.seed = seed;
    }

    @Override
    public Map<String, NDArray> next(NDManager manager, int batchSize) {
        return TestGraphs.batch(manager, batchSize, seed * 1_000_003 + drawn++);
    }

    @Override
    public void seek(long batches, int batchSize) {
        drawn = batches;
    }

    @Override
    public List<Map<String, NDArray>> heldOut(NDManager manager) {
        return List.of(TestGraphs.batch(manager, 8, -1), TestGraphs.batch(manager, 8, -2));
    }
}
