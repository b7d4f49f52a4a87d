package dev.tensorloom.model.catalog;

import static dev.tensorloom.model.catalog.FamilyShapes.n;
import static dev.tensorloom.model.catalog.FamilyShapes.sym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.shape.TensorType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StateSpaceBlocksTest {
    @ParameterizedTest
    @ValueSource(strings = {"s4d", "mamba"})
    void mapsSequencesToSequencesOfTheSameWidth(String type) {
        FamilyShapes.checkParamSpecs(type);
        assertEquals(BlockCategory.STATE_SPACE, FamilyShapes.CATALOG.require(type).category());
        NodeShapeContext ctx = FamilyShapes.run(type, Map.of("d_model", 32L),
                Map.of("in", TensorType.f32(sym("B"), sym("L"), n(32))));
        assertTrue(ctx.problems().isEmpty(), ctx.problems().toString());
        assertEquals("[B, L, 32]", ctx.outputs().get("out").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"s4d", "mamba"})
    void reportsAWidthMismatchAtTheInput(String type) {
        NodeShapeContext ctx = FamilyShapes.run(type, Map.of(), Map.of("in", TensorType.f32(sym("B"), n(16), n(48))));
        assertEquals(1, ctx.problems().size());
        assertTrue(ctx.problems().get(0).message().startsWith("n1.in expects [B, L, 64], got [B, 16, 48] from src.in"),
                ctx.problems().get(0).message());
    }

    @Test
    void s4dRejectsAnOddStateSize() {
        NodeShapeContext ctx = FamilyShapes.run("s4d", Map.of("state", 7L), Map.of("in", TensorType.f32(sym("B"), sym("L"), n(64))));
        assertTrue(ctx.problems().get(0).message().contains("even"));
    }

    @Test
    void estimatesCountTheParameters() {
        BlockType s4d = FamilyShapes.CATALOG.require("s4d");
        Params p = new Params(s4d, Map.of("d_model", 4L, "state", 8L));
        // log_dt 4 + A (re, im) 2·4·4 + C (re, im) 2·4·4 + D 4
        assertEquals(4 + 32 + 32 + 4, s4d.estimator().estimate(p, Map.of(), Map.of()).parameters());
        BlockType mamba = FamilyShapes.CATALOG.require("mamba");
        Params q = new Params(mamba, Map.of("d_model", 8L, "state", 4L, "expand", 2L, "conv", 3L, "dt_rank", 0L));
        // in_proj 8·32, conv 16·3 + 16, x_proj 16·(1 + 8), dt_proj 1·16 + 16, a_log 16·4, d 16, out_proj 16·8
        long expected = 256 + 48 + 16 + 144 + 16 + 16 + 64 + 16 + 128;
        assertEquals(expected, mamba.estimator().estimate(q, Map.of(), Map.of()).parameters());
    }
}
