package dev.tensorloom.model.catalog;

import static dev.tensorloom.model.catalog.CoreShapeHarness.CATALOG;
import static dev.tensorloom.model.catalog.CoreShapeHarness.estimate;
import static dev.tensorloom.model.catalog.CoreShapeHarness.out;
import static dev.tensorloom.model.catalog.CoreShapeHarness.problem;
import static dev.tensorloom.model.catalog.CoreShapeHarness.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.shape.DType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataBlocksTest {
    @Test
    void inputDeclaresItsShapeAndDtype() {
        assertEquals("[B, 16]", out(run("input", Map.of()), "out"));
        assertEquals(DType.INT64, run("input", Map.of("shape", "[B, T]", "dtype", "int64")).outputs().get("out").dtype());
        assertEquals(BlockType.Role.SOURCE, CATALOG.require("input").role());
    }

    @Test
    void inputShapeMustStartWithTheBatch() {
        assertEquals("n.out: shape '[16]' must start with the batch dimension B, e.g. [B, 16]",
                problem(run("input", Map.of("shape", "[16]"))));
        assertTrue(problem(run("input", Map.of("shape", "[B, *]"))).contains("'*'"));
        assertTrue(problem(run("input", Map.of("shape", "[B, 0]"))).contains("size 0"));
        assertTrue(problem(run("input", Map.of("shape", "[B,, 3]"))).contains("empty dimension"));
    }

    @Test
    void inputEstimateIsTheFedTensor() {
        assertEquals(new Estimate(0, 0, 3 * 8 * 8 * 4, true), estimate("input", Map.of("shape", "[B, 3, 8, 8]")));
        assertEquals(new Estimate(0, 0, 10 * 8, true),
                estimate("input", Map.of("shape", "[B, 10]", "dtype", "int64")));
        assertFalse(estimate("input", Map.of("shape", "[B, T]")).exact());
    }

    @Test
    void everyDataAndCoreDefaultIsValidAndDocumented() {
        List<String> ids = List.of("input", "linear", "embedding", "conv2d", "maxpool2d", "avgpool2d",
                "adaptive_avgpool2d", "flatten", "reshape", "concat", "split", "add", "multiply", "dropout",
                "layernorm", "rmsnorm", "batchnorm", "groupnorm", "relu", "gelu", "silu", "tanh", "sigmoid",
                "softplus", "softmax");
        for (String id : ids) {
            BlockType t = CATALOG.require(id);
            assertFalse(t.description().isBlank(), id);
            for (ParamSpec p : t.params()) {
                assertEquals(java.util.Optional.empty(), p.check(p.defaultValue()), id + "." + p.name());
                assertFalse(p.help().isBlank(), id + "." + p.name());
            }
        }
        assertEquals(ids.size() - 1, CATALOG.inCategory(BlockCategory.CORE).size());
    }
}
