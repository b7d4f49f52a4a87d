package dev.tensorloom.model.catalog;

import static dev.tensorloom.model.catalog.CoreShapeHarness.estimate;
import static dev.tensorloom.model.catalog.CoreShapeHarness.f32;
import static dev.tensorloom.model.catalog.CoreShapeHarness.out;
import static dev.tensorloom.model.catalog.CoreShapeHarness.problem;
import static dev.tensorloom.model.catalog.CoreShapeHarness.run;
import static dev.tensorloom.model.catalog.CoreShapeHarness.type;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.shape.DType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreTensorBlocksTest {
    @Test
    void flattenMergesFromStartDim() {
        assertEquals("[B, 48]", out(run("flatten", Map.of(), "in", f32("[B, 3, 4, 4]")), "out"));
        assertEquals("[B, 3, 16]", out(run("flatten", Map.of("start_dim", 2L), "in", f32("[B, 3, 4, 4]")), "out"));
        assertEquals("[B, C*16]", out(run("flatten", Map.of(), "in", f32("[B, C, 4, 4]")), "out"));
        assertTrue(problem(run("flatten", Map.of("start_dim", 2L), "in", f32("[B, 3]"))).contains("start_dim 2"));
        NodeShapeContext ids = run("flatten", Map.of(), "in", type(DType.INT64, "[B, 2, 3]"));
        assertEquals(DType.INT64, ids.outputs().get("out").dtype());
    }

    @Test
    void reshapeResolvesMinusOneAndChecksElementCount() {
        assertEquals("[B, 16, 16]", out(run("reshape", Map.of("shape", "16, 16"), "in", f32("[B, 256]")), "out"));
        assertEquals("[B, 4, 64]", out(run("reshape", Map.of("shape", "4, -1"), "in", f32("[B, 16, 16]")), "out"));
        assertEquals("[B, 4, (T*8)/4]", out(run("reshape", Map.of("shape", "4, -1"), "in", f32("[B, T, 8]")), "out"));
        assertTrue(problem(run("reshape", Map.of("shape", "3, 5"), "in", f32("[B, 16]")))
                .contains("16 elements per example cannot be reshaped to [B, 3, 5]"));
        assertTrue(problem(run("reshape", Map.of("shape", "-1, -1"), "in", f32("[B, 16]"))).contains("more than one -1"));
        assertTrue(problem(run("reshape", Map.of("shape", "a, 4"), "in", f32("[B, 16]"))).contains("not a whole number"));
    }

    @Test
    void reshapeSpecResolves() {
        assertArrayEquals(new long[] {2, 8}, CoreReshapeSpec.parse("[2, -1]").resolve(16));
        assertThrows(IllegalArgumentException.class, () -> CoreReshapeSpec.parse("3, -1").resolve(16));
        assertThrows(IllegalArgumentException.class, () -> CoreReshapeSpec.parse("0, 4"));
    }

    @Test
    void concatAddsTheAxisAndUnifiesTheRest() {
        assertEquals("[B, T, 24]", out(run("concat", Map.of(), "a", f32("[B, T, 16]"), "b", f32("[B, T, 8]")), "out"));
        assertEquals("[B, 5, 4]", out(run("concat", Map.of("axis", 1L), "a", f32("[B, 2, 4]"), "b", f32("[B, 3, 4]")), "out"));
        assertEquals("[B, T+S, 4]", out(run("concat", Map.of("axis", 1L), "a", f32("[B, T, 4]"), "b", f32("[B, S, 4]")), "out"));
        assertEquals("n.b expects [B, 3, ?], got [B, 4, 8] from src.b (size 4 where 3 is expected)",
                problem(run("concat", Map.of(), "a", f32("[B, 3, 16]"), "b", f32("[B, 4, 8]"))));
        assertTrue(problem(run("concat", Map.of("axis", 0L), "a", f32("[B, 3]"), "b", f32("[B, 3]"))).contains("batch"));
    }

    @Test
    void splitCutsInHalfOrAtSplitSize() {
        NodeShapeContext half = run("split", Map.of(), "in", f32("[B, 10]"));
        assertEquals("[B, 5]", out(half, "a"));
        assertEquals("[B, 5]", out(half, "b"));
        NodeShapeContext sized = run("split", Map.of("axis", 1L, "split_size", 3L), "in", f32("[B, T, 4]"));
        assertEquals("[B, 3, 4]", out(sized, "a"));
        assertEquals("[B, T-3, 4]", out(sized, "b"));
        assertTrue(problem(run("split", Map.of(), "in", f32("[B, 7]"))).contains("odd size 7"));
        assertTrue(problem(run("split", Map.of("split_size", 7L), "in", f32("[B, 7]"))).contains("leaves nothing"));
    }

    @Test
    void addAndMultiplyNeedTheSameShape() {
        assertEquals("[B, T, 8]", out(run("add", Map.of(), "a", f32("[B, T, 8]"), "b", f32("[B, T, 8]")), "out"));
        assertEquals("n.b expects [B, 16], got [B, 32] from src.b (size 32 where 16 is expected)",
                problem(run("multiply", Map.of(), "a", f32("[B, 16]"), "b", f32("[B, 32]"))));
        assertTrue(problem(run("add", Map.of(), "a", f32("[B, 16]"), "b", f32("[B, 2, 16]"))).contains("rank 3 where 2"));
        Estimate e = estimate("add", Map.of(), "a", f32("[B, 16]"), "b", f32("[B, 16]"));
        assertEquals(16, e.flopsPerExample());
        assertEquals(64, e.activationBytesPerExample());
    }
}
