package dev.tensorloom.studio.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.execution.data.DataRandom;
import dev.tensorloom.execution.data.DatasetRegistry;
import dev.tensorloom.execution.data.HostBatch;
import dev.tensorloom.execution.exec.RectifiedFlowSampler;
import dev.tensorloom.model.doc.Document;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The diffusion, pose and face templates (and their baselines) train: the loss on a fixed batch
 * falls within a few small steps. Kept tiny; the acceptance runners measure real quality.
 */
class GalleryTemplatesTrainTest {

    /** Held-out loss before and after {@code steps} steps of {@code batch} examples. */
    private static double[] lossBeforeAfter(Document doc, int steps, int batch) {
        try (TemplateRun run = new TemplateRun(doc, steps)) {
            HostBatch fixed = DatasetRegistry.standard().open(doc.config().dataset(), 77).generator()
                    .generate(new DataRandom(77), 16);
            double before = run.evaluate(fixed);
            run.train(steps, batch, 600, 0);
            return new double[] {before, run.evaluate(fixed)};
        }
    }

    private static void assertFalls(double[] losses, double factor) {
        assertTrue(Double.isFinite(losses[1]) && losses[1] < factor * losses[0],
                "loss should fall: " + losses[0] + " -> " + losses[1]);
    }

    @Test
    void ditLossFallsAndTheSamplerReturnsEveryState() {
        Document doc = TemplateRun.template("dit-rectified-flow");
        try (TemplateRun run = new TemplateRun(doc, 8)) {
            HostBatch fixed = DatasetRegistry.standard().open("shapes16", 77).generator().generate(new DataRandom(77), 16);
            double before = run.evaluate(fixed);
            run.train(8, 16, 600, 0);
            double after = run.evaluate(fixed);
            assertFalls(new double[] {before, after}, 0.9);
            RectifiedFlowSampler.Trajectory tr = new RectifiedFlowSampler(run.plan(), run.store())
                    .sample(new long[] {2, 1, 16, 16}, Map.of("label", new long[] {0, 3}), 3, 3.0, 1);
            assertEquals(4, tr.states().size());
            assertEquals(1.0, tr.times()[0]);
            assertEquals(0.0, tr.times()[3]);
            assertEquals(3.0 * (2 / 3.0) / (1 + 2.0 * (2 / 3.0)), tr.times()[1], 1e-12, "shifted time");
            assertEquals(2 * 256, tr.samples().length);
        }
    }

    @Test
    void poseRleAndL1LossesFall() {
        double[] rle = lossBeforeAfter(TemplateRun.template("pose-rle"), 10, 16);
        assertTrue(rle[1] < rle[0] - 0.1, "RLE loss should fall: " + rle[0] + " -> " + rle[1]);
        assertFalls(lossBeforeAfter(PoseRleAcceptance.l1Baseline(), 10, 16), 0.9);
    }

    /**
     * With 200 identities a few fresh batches barely show each class once, so the face models are asked
     * to fit one fixed batch instead. The losses compared are training losses (the first step's, before any
     * update, and the ninth's): the network's batch norms use batch statistics there, while an evaluation
     * after 8 steps would use running statistics that have barely moved from their start.
     */
    @Test
    void faceArcfaceAndSoftmaxLossesFallOnABatchTheyFit() {
        for (Document doc : new Document[] {TemplateRun.template("face-arcface"), FaceArcfaceAcceptance.softmaxBaseline()}) {
            try (TemplateRun run = new TemplateRun(doc, 8)) {
                HostBatch fixed = DatasetRegistry.standard().open(doc.config().dataset(), 77).generator()
                        .generate(new DataRandom(77), 16);
                double before = run.stepOn(fixed);
                for (int i = 0; i < 7; i++) {
                    run.stepOn(fixed);
                }
                assertFalls(new double[] {before, run.stepOn(fixed)}, 0.97);
            }
        }
    }
}
