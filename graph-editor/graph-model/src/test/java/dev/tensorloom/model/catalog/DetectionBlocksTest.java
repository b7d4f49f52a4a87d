package dev.tensorloom.model.catalog;

import static dev.tensorloom.model.catalog.FamilyShapes.n;
import static dev.tensorloom.model.catalog.FamilyShapes.sym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.TensorType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DetectionBlocksTest {
    @Test
    void sppGivesTwentyOneBinsPerChannel() {
        NodeShapeContext ctx = FamilyShapes.run("spp", Map.of(), Map.of("in", TensorType.f32(sym("B"), n(8), sym("H"), sym("W"))));
        assertTrue(ctx.problems().isEmpty());
        assertEquals("[B, 168]", ctx.outputs().get("out").toString());
        NodeShapeContext symbolic = FamilyShapes.run("spp", Map.of(), Map.of("in", TensorType.f32(sym("B"), sym("C"), n(5), n(7))));
        assertEquals("[B, C*21]", symbolic.outputs().get("out").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"giou_loss", "diou_loss", "ciou_loss"})
    void boxLossesTakeMatchingBoxArrays(String type) {
        FamilyShapes.checkParamSpecs(type);
        BlockType t = FamilyShapes.CATALOG.require(type);
        assertEquals(BlockType.Role.LOSS, t.role());
        assertEquals(BlockCategory.LOSS, t.category());
        TensorType boxes = TensorType.f32(sym("B"), n(10), n(4));
        NodeShapeContext ok = FamilyShapes.run(type, Map.of(), Map.of("pred", boxes, "target", boxes));
        assertTrue(ok.problems().isEmpty());
        assertEquals("[]", ok.outputs().get("loss").toString());
        NodeShapeContext bad = FamilyShapes.run(type, Map.of(), Map.of("pred", boxes, "target", TensorType.f32(sym("B"), n(10), n(5))));
        assertEquals(1, bad.problems().size());
        assertEquals("target", bad.problems().get(0).port());
    }

    @Test
    void varifocalNeedsSameShapedTargets() {
        FamilyShapes.checkParamSpecs("varifocal_loss");
        TensorType scores = TensorType.f32(sym("B"), n(100), n(3));
        assertTrue(FamilyShapes.run("varifocal_loss", Map.of(), Map.of("pred", scores, "target", scores)).problems().isEmpty());
        assertEquals(1, FamilyShapes.run("varifocal_loss", Map.of(),
                Map.of("pred", scores, "target", TensorType.f32(sym("B"), n(100)))).problems().size());
    }

    @Test
    void detrSetLossAgreesOnBatchAndQueries() {
        FamilyShapes.checkParamSpecs("detr_set_loss");
        Map<String, TensorType> in = Map.of(
                "pred_logits", TensorType.f32(sym("B"), n(10), n(4)),
                "pred_boxes", TensorType.f32(sym("B"), n(10), n(4)),
                "target_boxes", TensorType.f32(sym("B"), n(5), n(4)),
                "target_labels", TensorType.of(DType.INT64, sym("B"), n(5)));
        NodeShapeContext ok = FamilyShapes.run("detr_set_loss", Map.of(), in);
        assertTrue(ok.problems().isEmpty(), ok.problems().toString());
        assertEquals("[]", ok.outputs().get("loss").toString());
        Map<String, TensorType> wrong = new java.util.HashMap<>(in);
        wrong.put("pred_boxes", TensorType.f32(sym("B"), n(9), n(4)));
        NodeShapeContext bad = FamilyShapes.run("detr_set_loss", Map.of(), wrong);
        assertEquals("pred_boxes", bad.problems().get(0).port());
    }
}
