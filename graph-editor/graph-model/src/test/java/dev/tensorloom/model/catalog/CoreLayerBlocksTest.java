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
import org.junit.jupiter.api.Test;

class CoreLayerBlocksTest {
    @Test
    void linearMapsLastDimensionAndKeepsLeadingOnes() {
        assertEquals("[B, 64]", out(run("linear", Map.of(), "in", f32("[B, 16]")), "out"));
        assertEquals("[B, T, 8]", out(run("linear", Map.of("out_features", 8L), "in", f32("[B, T, 16]")), "out"));
    }

    @Test
    void linearWithFixedInFeaturesReportsMismatchAtThePort() {
        String msg = problem(run("linear", Map.of("in_features", 32L), "in", f32("[B, 16]")));
        assertEquals("n.in expects [B, *, 32], got [B, 16] from src.in (size 16 where 32 is expected)", msg);
    }

    @Test
    void linearEstimateCountsWeightsBiasAndTwoFlopsPerMultiplyAdd() {
        Estimate e = estimate("linear", Map.of("out_features", 8L), "in", f32("[B, 16]"));
        assertEquals(16 * 8 + 8, e.parameters());
        assertEquals(2.0 * 16 * 8, e.flopsPerExample());
        assertEquals(8 * 4, e.activationBytesPerExample());
        assertTrue(e.exact());
        Estimate seq = estimate("linear", Map.of("out_features", 8L, "bias", false), "in", f32("[B, 5, 16]"));
        assertEquals(16 * 8, seq.parameters());
        assertEquals(5 * 2.0 * 16 * 8, seq.flopsPerExample());
        assertEquals(5 * 8 * 4, seq.activationBytesPerExample());
    }

    @Test
    void linearEstimateIsInexactWhenSequenceLengthIsSymbolic() {
        Estimate e = estimate("linear", Map.of("out_features", 8L), "in", f32("[B, T, 16]"));
        assertEquals(16 * 8 + 8, e.parameters());
        assertFalse(e.exact());
    }

    @Test
    void embeddingTakesInt64IdsAndAppendsDim() {
        assertEquals("[B, T, 32]", out(run("embedding", Map.of("dim", 32L), "in", type(DType.INT64, "[B, T]")), "out"));
        String msg = problem(run("embedding", Map.of(), "in", f32("[B, T]")));
        assertTrue(msg.startsWith("n.in expects [B, *] of int64, got [B, T] from src.in"), msg);
        Estimate e = estimate("embedding", Map.of("vocab", 100L, "dim", 8L), "in", type(DType.INT64, "[B, 10]"));
        assertEquals(800, e.parameters());
        assertEquals(10 * 8 * 4, e.activationBytesPerExample());
        assertTrue(e.exact());
    }

    @Test
    void conv2dComputesOutputSizeAndKeepsSymbolicSizesReadable() {
        assertEquals("[B, 32, 28, 28]", out(run("conv2d", Map.of(), "in", f32("[B, 3, 28, 28]")), "out"));
        assertEquals("[B, 4, 14, 14]", out(run("conv2d", Map.of("out_channels", 4L, "stride", 2L),
                "in", f32("[B, 3, 28, 28]")), "out"));
        assertEquals("[B, 4, 24, 24]", out(run("conv2d", Map.of("out_channels", 4L, "kernel", 5L, "padding", 0L),
                "in", f32("[B, 3, 28, 28]")), "out"));
        assertEquals("[B, 32, H, W]", out(run("conv2d", Map.of(), "in", f32("[B, 3, H, W]")), "out"));
        assertEquals("[B, 32, (H+1)/2, (W+1)/2]", out(run("conv2d", Map.of("stride", 2L), "in", f32("[B, 3, H, W]")), "out"));
    }

    @Test
    void conv2dReportsWrongChannelsRankAndTooSmallImages() {
        assertEquals("n.in expects [B, 3, H, W], got [B, 1, 8, 8] from src.in (size 1 where 3 is expected)",
                problem(run("conv2d", Map.of("in_channels", 3L), "in", f32("[B, 1, 8, 8]"))));
        assertTrue(problem(run("conv2d", Map.of(), "in", f32("[B, 16]"))).contains("rank 2 where 4 is expected"));
        assertTrue(problem(run("conv2d", Map.of("kernel", 5L, "padding", 0L), "in", f32("[B, 1, 3, 3]")))
                .contains("smaller than the 5x5 window"));
    }

    @Test
    void conv2dEstimate() {
        Estimate e = estimate("conv2d", Map.of("out_channels", 4L), "in", f32("[B, 3, 8, 8]"));
        assertEquals(4 * 3 * 9 + 4, e.parameters());
        assertEquals(2.0 * 3 * 9 * (4 * 8 * 8), e.flopsPerExample());
        assertEquals(4L * 8 * 8 * 4, e.activationBytesPerExample());
    }

    @Test
    void poolsHalveByDefaultAndAdaptivePoolFixesTheGrid() {
        assertEquals("[B, 3, 14, 14]", out(run("maxpool2d", Map.of(), "in", f32("[B, 3, 28, 28]")), "out"));
        assertEquals("[B, 3, 13, 13]", out(run("avgpool2d", Map.of("kernel", 3L), "in", f32("[B, 3, 28, 28]")), "out"));
        assertEquals("[B, C, H/2, W/2]", out(run("maxpool2d", Map.of(), "in", f32("[B, C, H, W]")), "out"));
        assertEquals("[B, 3, 1, 1]", out(run("adaptive_avgpool2d", Map.of(), "in", f32("[B, 3, 28, 28]")), "out"));
        assertEquals("[B, 3, 4, 4]", out(run("adaptive_avgpool2d", Map.of("output_size", 4L), "in", f32("[B, 3, H, W]")), "out"));
        assertTrue(problem(run("maxpool2d", Map.of("kernel", 2L, "padding", 2L), "in", f32("[B, 3, 8, 8]")))
                .contains("more than half the kernel"));
        Estimate e = estimate("maxpool2d", Map.of(), "in", f32("[B, 3, 8, 8]"));
        assertEquals(0, e.parameters());
        assertEquals(4.0 * 3 * 4 * 4, e.flopsPerExample());
        assertEquals(3 * 4 * 4 * 4, e.activationBytesPerExample());
    }
}
