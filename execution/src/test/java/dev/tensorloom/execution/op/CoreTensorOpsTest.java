package dev.tensorloom.execution.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreTensorOpsTest {
    private static final float[] SIX = {1, 2, 3, 4, 5, 6};

    @Test
    void inputHandsOnTheFedTensor() {
        try (TestOpHarness h = TestOpHarness.of("input", Map.of())) {
            NDArray fed = h.input(SIX, 2, 3);
            assertSame(fed, h.forward(fed).singletonOrThrow());
        }
    }

    @Test
    void flattenAndReshapeKeepTheBatchAndOrder() {
        try (TestOpHarness h = TestOpHarness.of("flatten", Map.of())) {
            NDArray y = h.forward(h.input(new float[12], 2, 3, 2)).singletonOrThrow();
            assertEquals(new Shape(2, 6), y.getShape());
        }
        try (TestOpHarness h = TestOpHarness.of("flatten", Map.of("start_dim", 2L))) {
            assertEquals(new Shape(1, 2, 6), h.forward(h.input(new float[12], 1, 2, 3, 2)).singletonOrThrow().getShape());
        }
        try (TestOpHarness h = TestOpHarness.of("reshape", Map.of("shape", "3, -1"))) {
            NDArray y = h.forward(h.input(SIX, 1, 6)).singletonOrThrow();
            h.assertInNodeManager(y);
            assertEquals(new Shape(1, 3, 2), y.getShape());
            assertEquals(4f, y.getFloat(0, 1, 1));
        }
        try (TestOpHarness h = TestOpHarness.of("reshape", Map.of("shape", "4"))) {
            assertThrows(IllegalArgumentException.class, () -> h.forward(h.input(SIX, 2, 3)));
        }
    }

    @Test
    void concatAndSplitAreInverse() {
        try (TestOpHarness h = TestOpHarness.of("concat", Map.of())) {
            NDArray y = h.forward(h.input(new float[] {1, 2, 3, 4}, 2, 2), h.input(new float[] {9, 8}, 2, 1))
                    .singletonOrThrow();
            assertArrayEquals(new float[] {1, 2, 9, 3, 4, 8}, y.toFloatArray());
        }
        try (TestOpHarness h = TestOpHarness.of("split", Map.of("split_size", 1L))) {
            NDList parts = h.forward(h.input(new float[] {1, 2, 9, 3, 4, 8}, 2, 3));
            assertEquals(2, parts.size());
            assertArrayEquals(new float[] {1, 3}, parts.get(0).toFloatArray());
            assertArrayEquals(new float[] {2, 9, 4, 8}, parts.get(1).toFloatArray());
            h.assertInNodeManager(parts.get(1));
        }
        try (TestOpHarness h = TestOpHarness.of("split", Map.of("axis", 1L))) {
            NDList parts = h.forward(h.input(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 1, 4, 2));
            assertEquals(new Shape(1, 2, 2), parts.get(0).getShape());
            assertArrayEquals(new float[] {5, 6, 7, 8}, parts.get(1).toFloatArray());
        }
    }

    @Test
    void addAndMultiplyAreElementWise() {
        try (TestOpHarness h = TestOpHarness.of("add", Map.of())) {
            assertArrayEquals(new float[] {11, 22, 33}, h.forward(h.input(new float[] {1, 2, 3}, 1, 3),
                    h.input(new float[] {10, 20, 30}, 1, 3)).singletonOrThrow().toFloatArray());
        }
        try (TestOpHarness h = TestOpHarness.of("multiply", Map.of())) {
            assertArrayEquals(new float[] {10, 40, 90}, h.forward(h.input(new float[] {1, 2, 3}, 1, 3),
                    h.input(new float[] {10, 20, 30}, 1, 3)).singletonOrThrow().toFloatArray());
        }
    }
}
