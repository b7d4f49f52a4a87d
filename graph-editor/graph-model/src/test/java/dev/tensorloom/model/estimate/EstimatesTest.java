package dev.tensorloom.model.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.Estimate;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;
import dev.tensorloom.model.testing.TestBlocks;
import dev.tensorloom.model.validate.ShapeInference;
import org.junit.jupiter.api.Test;

class EstimatesTest {
    private final BlockCatalog catalog = TestBlocks.catalog();

    private Estimates estimate(Document doc) {
        return Estimates.compute(doc, catalog, ShapeInference.run(doc, catalog));
    }

    private static Document model(String inputShape) {
        return new DocumentBuilder()
                .node("x", "src", "shape", inputShape)
                .node("fc1", "lin", "out_features", 4L)
                .node("act", "relu")
                .node("loss", "loss")
                .wire("x.out", "fc1.in").wire("fc1.out", "act.in").wire("act.out", "loss.pred").build();
    }

    @Test
    void perNodeEstimatesFollowTheInferredShapes() {
        Estimates e = estimate(model("[B, 16]"));

        // linear 16 -> 4 with bias: 16*4 + 4 weights, 2*16*4 FLOPs, 4 floats out
        assertEquals(new Estimate(68, 128, 16, true), e.of("fc1").orElseThrow());
        // element-wise: one FLOP and one float per output element
        assertEquals(new Estimate(0, 4, 16, true), e.of("act").orElseThrow());
        assertEquals(new Estimate(0, 0, 64, true), e.of("x").orElseThrow());
    }

    @Test
    void totalIsTheSumOfNodes() {
        Estimates e = estimate(model("[B, 16]"));

        assertEquals(new Estimate(68, 132, 96, true), e.total());
        Estimate sum = e.perNode().values().stream().reduce(Estimate.ZERO, Estimate::plus);
        assertEquals(sum, e.total());
        assertTrue(e.complete());
    }

    @Test
    void batchScalesFlopsAndActivationsButNotParameters() {
        StepCost step = estimate(model("[B, 16]")).forBatch(32);

        assertEquals(68, step.parameters());
        assertEquals(132.0 * 32, step.forwardFlops());
        assertEquals(3 * 132.0 * 32, step.trainingFlops());
        assertEquals(96L * 32, step.activationBytes());
        assertEquals("68 params, 4.2 kFLOP, 3.0 KiB", step.describe());
        assertEquals(16L * 32, estimate(model("[B, 16]")).forBatch("fc1", 32).orElseThrow().activationBytes());
    }

    @Test
    void sequenceDimensionsMultiplyTheCost() {
        Estimate fc1 = estimate(model("[B, 10, 16]")).of("fc1").orElseThrow();
        assertEquals(new Estimate(68, 1280, 160, true), fc1);
    }

    @Test
    void unknownSizesAreCountedAsOneAndMarkedInexact() {
        Estimates e = estimate(model("[B, T, 16]"));
        assertEquals(128, e.of("fc1").orElseThrow().flopsPerExample());
        assertFalse(e.of("fc1").orElseThrow().exact());
        assertFalse(e.total().exact());
    }

    @Test
    void nodesWithoutShapesHaveNoEstimateAndTheTotalIsInexact() {
        Document doc = model("[B, 16]");
        doc.removeWire("w1");

        Estimates e = estimate(doc);

        assertTrue(e.of("fc1").isEmpty());
        assertTrue(e.of("act").isEmpty());
        assertFalse(e.complete());
        assertFalse(e.total().exact());
        assertEquals(64, e.total().activationBytesPerExample());
    }
}
