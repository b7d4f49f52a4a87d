package dev.tensorloom.model.catalog;

import static dev.tensorloom.model.catalog.TransformerBlocksTest.f32;
import static dev.tensorloom.model.catalog.TransformerBlocksTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.Dim;
import dev.tensorloom.model.shape.TensorType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LossBlocksTest {
    private static final BlockCatalog CATALOG = BlockCatalog.standard();

    private static TensorType i64(Object... dims) {
        return f32(dims).withDtype(DType.INT64);
    }

    @Test
    void lossesAreScalarLossRoleBlocks() {
        for (String id : List.of("cross_entropy", "mse", "flow_nll", "rf_velocity_mse")) {
            BlockType t = CATALOG.require(id);
            assertEquals(BlockType.Role.LOSS, t.role(), id);
            assertEquals(BlockCategory.LOSS, t.category(), id);
            assertEquals(List.of("loss"), t.outputs().stream().map(PortSpec::name).toList());
        }
    }

    @Test
    void crossEntropyTakesIntegerLabelsForEveryPosition() {
        var ok = run("ce", "cross_entropy", Map.of(), Map.of("pred", f32("B", "T", 10), "target", i64("B", "T")));
        assertTrue(ok.problems().isEmpty(), ok.problems().toString());
        assertEquals("[]", ok.outputs().get("loss").toString());
        var floats = run("ce", "cross_entropy", Map.of(), Map.of("pred", f32("B", 10), "target", f32("B")));
        assertEquals("target", floats.problems().get(0).port());
        var length = run("ce", "cross_entropy", Map.of(), Map.of("pred", f32("B", 8, 10), "target", i64("B", 9)));
        assertTrue(length.problems().get(0).message().startsWith("ce.target expects [B, 8], got [B, 9]"),
                length.problems().get(0).message());
    }

    @Test
    void squaredErrorsNeedMatchingShapes() {
        var ok = run("l", "mse", Map.of(), Map.of("pred", f32("B", 4, 4), "target", f32("B", 4, 4)));
        assertTrue(ok.problems().isEmpty());
        var bad = run("l", "rf_velocity_mse", Map.of(), Map.of("pred", f32("B", 4, 4), "target", f32("B", 4, 5)));
        assertEquals("target", bad.problems().get(0).port());
        var rest = new TensorType(DType.FLOAT32, List.of(Dim.sym("B"), Dim.sym("*")));
        var unbound = run("l", "mse", Map.of(), Map.of("pred", rest, "target", f32("B", 3)));
        assertTrue(unbound.problems().isEmpty(), unbound.problems().toString());
    }

    @Test
    void flowNllTakesLatentAndLogDeterminant() {
        var ok = run("nll", "flow_nll", Map.of(), Map.of("z", f32("B", 6), "logdet", f32("B")));
        assertTrue(ok.problems().isEmpty());
        var bad = run("nll", "flow_nll", Map.of(), Map.of("z", f32("B", 6), "logdet", f32("B", 6)));
        assertEquals("logdet", bad.problems().get(0).port());
        BlockType t = CATALOG.require("flow_nll");
        assertEquals(18.0, t.estimator().estimate(new Params(t, Map.of()), Map.of("z", f32("B", 6)), Map.of()).flopsPerExample());
    }
}
