package dev.tensorloom.model.catalog;

import static dev.tensorloom.model.catalog.CoreShapeHarness.estimate;
import static dev.tensorloom.model.catalog.CoreShapeHarness.f32;
import static dev.tensorloom.model.catalog.CoreShapeHarness.out;
import static dev.tensorloom.model.catalog.CoreShapeHarness.problem;
import static dev.tensorloom.model.catalog.CoreShapeHarness.run;
import static dev.tensorloom.model.catalog.CoreShapeHarness.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.shape.DType;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CoreNormActivationBlocksTest {
    @ParameterizedTest
    @ValueSource(strings = {"relu", "gelu", "silu", "tanh", "sigmoid", "softplus", "softmax", "dropout",
            "layernorm", "rmsnorm"})
    void keepsTheInputShape(String id) {
        assertEquals("[B, T, 8]", out(run(id, Map.of(), "in", f32("[B, T, 8]")), "out"));
        assertTrue(problem(run(id, Map.of(), "in", type(DType.INT64, "[B, 8]"))).contains("int64"));
    }

    @Test
    void normsEstimateTheirAffineParameters() {
        assertEquals(16, estimate("layernorm", Map.of(), "in", f32("[B, 5, 8]")).parameters());
        assertEquals(8, estimate("rmsnorm", Map.of(), "in", f32("[B, 5, 8]")).parameters());
        assertEquals(6, estimate("batchnorm", Map.of(), "in", f32("[B, 3, 4, 4]")).parameters());
        assertEquals(32, estimate("groupnorm", Map.of(), "in", f32("[B, 16, 4, 4]")).parameters());
        Estimate e = estimate("relu", Map.of(), "in", f32("[B, 8]"));
        assertEquals(new Estimate(0, 8, 32, true), e);
        assertFalse(estimate("gelu", Map.of(), "in", f32("[B, T, 8]")).exact());
    }

    @Test
    void batchAndGroupNormNeedChannelsAndDivisibleGroups() {
        assertEquals("[B, 3]", out(run("batchnorm", Map.of(), "in", f32("[B, 3]")), "out"));
        assertEquals("[B, 16, H, W]", out(run("groupnorm", Map.of(), "in", f32("[B, 16, H, W]")), "out"));
        assertEquals("n.in: channels 12 of [B, 12, 4, 4] do not divide into 8 groups",
                problem(run("groupnorm", Map.of(), "in", f32("[B, 12, 4, 4]"))));
        assertTrue(problem(run("batchnorm", Map.of(), "in", f32("[B]"))).contains("rank 1"));
    }

    @Test
    void softmaxRejectsTheBatchAxis() {
        assertEquals("[B, 4, 8]", out(run("softmax", Map.of("axis", 1L), "in", f32("[B, 4, 8]")), "out"));
        assertTrue(problem(run("softmax", Map.of("axis", 0L), "in", f32("[B, 4]"))).contains("batch"));
        assertTrue(problem(run("softmax", Map.of("axis", 3L), "in", f32("[B, 4]"))).contains("outside"));
    }
}
