package dev.tensorloom.model.catalog;

import static dev.tensorloom.model.catalog.FamilyShapes.n;
import static dev.tensorloom.model.catalog.FamilyShapes.sym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.shape.TensorType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlowBlocksTest {
    @ParameterizedTest
    @ValueSource(strings = {"additive_coupling", "affine_coupling", "actnorm", "reverse_perm", "diag_scale"})
    void outputsLatentAndPerExampleLogdet(String type) {
        FamilyShapes.checkParamSpecs(type);
        BlockType t = FamilyShapes.CATALOG.require(type);
        assertEquals(BlockCategory.FLOW, t.category());
        assertEquals(List.of("z", "logdet"), t.outputs().stream().map(PortSpec::name).toList());
        NodeShapeContext ctx = FamilyShapes.run(type, Map.of("d", 6L), Map.of("in", TensorType.f32(sym("B"), n(6))));
        assertTrue(ctx.problems().isEmpty(), ctx.problems().toString());
        assertEquals("[B, 6]", ctx.outputs().get("z").toString());
        assertEquals("[B]", ctx.outputs().get("logdet").toString());
    }

    @Test
    void couplingChecksItsWidth() {
        NodeShapeContext ctx = FamilyShapes.run("affine_coupling", Map.of("d", 4L), Map.of("in", TensorType.f32(sym("B"), n(6))));
        assertEquals(1, ctx.problems().size());
        assertTrue(ctx.problems().get(0).message().startsWith("n1.in expects [B, 4], got [B, 6]"));
    }

    @Test
    void affineCouplingCountsBothHeads() {
        BlockType t = FamilyShapes.CATALOG.require("affine_coupling");
        Params p = new Params(t, Map.of("d", 4L, "hidden", 8L, "layers", 2L));
        // 4→8, 8→8, 8→2·4, with biases
        assertEquals(4 * 8 + 8 + 8 * 8 + 8 + 8 * 8 + 8, t.estimator().estimate(p, Map.of(), Map.of()).parameters());
    }
}
