package dev.tensorloom.studio.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.execution.op.detection.BoxOps;
import dev.tensorloom.execution.run.PreparedRun;
import dev.tensorloom.execution.run.RunOptions;
import dev.tensorloom.execution.run.RunSetup;
import dev.tensorloom.execution.session.ActivationSnapshot;
import dev.tensorloom.execution.session.RunFailure;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.SnapshotPolicy;
import dev.tensorloom.execution.session.StepMetrics;
import dev.tensorloom.execution.session.TrainingSession;
import dev.tensorloom.execution.session.view.DetectedBox;
import dev.tensorloom.execution.train.DetectionMapMetric;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.studio.task.UpdateThrottle;
import dev.tensorloom.templates.TemplateCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The activation view models fed by a few real training steps of the templates (no stage): attention of
 * every head for the picked example, a flow's latent scatter and samples, a sampler's steps, a detector's
 * boxes; and drawing the model pictures changes nothing in training.
 */
class ActivationPicturesTest {

    private static Document template(String id) {
        try {
            TemplateCatalog catalog = TemplateCatalog.builtIn();
            return ProjectReader.fromJson(catalog.projectJson(id), catalog.sourceName(id)).document();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trains {@code steps} steps of {@code batch} reporting to the view model (if any); returns the losses. */
    private static List<Double> train(String templateId, int steps, int batch, ActivationViewModel vm,
            SnapshotPolicy policy) throws InterruptedException {
        PreparedRun base = RunSetup.standard().prepare(template(templateId),
                RunOptions.PROJECT.withSteps(steps).withBatchSize(batch));
        List<Double> losses = new CopyOnWriteArrayList<>();
        List<RunFailure> failures = new CopyOnWriteArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void onStep(StepMetrics m) {
                losses.add(m.loss());
            }

            @Override
            public void onActivation(ActivationSnapshot s) {
                if (vm != null) {
                    vm.onActivation(s);
                }
            }

            @Override
            public void onFailed(RunFailure f) {
                failures.add(f);
            }
        };
        try (PreparedRun run = new PreparedRun(base.plan(), base.store(), base.source(),
                base.config().withSnapshots(policy), base.training())) {
            TrainingSession session = run.session(listener);
            session.start();
            assertTrue(session.awaitTermination(5, TimeUnit.MINUTES), "the run ends");
        }
        assertTrue(failures.isEmpty(), () -> "run failed: " + failures.get(0).message());
        return losses;
    }

    private static ActivationViewModel watching(String node) {
        ActivationViewModel vm = new ActivationViewModel(UpdateThrottle.direct());
        vm.setSelection(Set.of(node));
        return vm;
    }

    @Test
    void attentionShowsEveryHeadOfThePickedExample() throws Exception {
        ActivationViewModel vm = watching("enc1");
        vm.attention().exampleProperty().set(2);
        train("transformer-reverse", 2, 4, vm, vm.snapshotPolicy());
        AttentionViewModel a = vm.attention();
        assertEquals(4, a.examplesProperty().get(), "the batch");
        assertTrue(a.headsProperty().get() > 1, "every head, not only the first");
        AttentionViewModel.Panel p = a.panelsProperty().get().get(0);
        assertTrue(p.title().contains("example 2 of 4"), p.title());
        assertEquals(a.headsProperty().get(), p.heads().size());
        Heatmap head = p.heads().get(0);
        float rowSum = 0;
        for (int c = 0; c < head.cols(); c++) {
            rowSum += head.values()[c];
        }
        assertEquals(1f, rowSum, 1e-4f, "each query's weights over the keys sum to 1 (softmax rows)");
    }

    @Test
    void flowShowsLatentAgainstTheNormalAndSamplesAgainstTheData() throws Exception {
        ActivationViewModel vm = watching("c8");
        train("realnvp-moons", 3, 64, vm, vm.snapshotPolicy());
        Scatter latent = vm.flow().latentProperty().get();
        assertNotNull(latent);
        assertEquals(FlowViewModel.REFERENCE_POINTS, latent.series().get(0).points().count());
        assertEquals(64, latent.series().get(1).points().count(), "z of the whole (small) batch");
        Scatter samples = vm.flow().samplesProperty().get();
        assertNotNull(samples);
        assertEquals(64, samples.series().get(0).points().count(), "data points of the batch");
        assertEquals(512, samples.series().get(1).points().count(), "samples through the inverse");
        assertTrue(samples.title().contains("step 2"), "drawn after the last step: " + samples.title());
        assertTrue(samples.minX() < samples.maxX() && samples.minY() < samples.maxY());
    }

    @Test
    void samplerShowsStatesFromNoiseToSampleAndTrainingIsUnchanged() throws Exception {
        ActivationViewModel vm = watching("dit2");
        List<Double> withPictures = train("dit-rectified-flow", 3, 8, vm, vm.snapshotPolicy());
        List<Double> without = train("dit-rectified-flow", 3, 8, null, SnapshotPolicy.NONE);
        assertEquals(without, withPictures, "sampling between steps leaves the loss curve bit-identical");

        SamplerViewModel.Grid g = vm.sampler().gridProperty().get();
        assertNotNull(g);
        assertEquals(List.of("t = 1.00", "t = 0.75", "t = 0.50", "t = 0.25", "t = 0.00", "data"), g.columns());
        assertEquals(4, g.rows().size());
        assertEquals(4, g.rows().stream().distinct().count(), "one row per class where the batch has several");
        assertEquals(16, g.cells().get(0).get(0).rows());
        assertEquals(4, vm.attention().headsProperty().get(), "the DiT block's four heads");
    }

    @Test
    void detectorShowsPredictedAndTrueBoxesAsTheMetricCountsThem() throws Exception {
        ActivationViewModel vm = watching("head");
        train("spp-detector", 2, 4, vm, vm.snapshotPolicy());
        DetectionViewModel d = vm.detection();
        DetectionViewModel.Scene s = d.sceneProperty().get();
        assertNotNull(s);
        assertEquals(64, s.width());
        assertEquals(64 * 64, s.argb().length);
        assertFalse(s.truth().isEmpty(), "the held-out image has objects");
        d.thresholdProperty().set(DetectionMapMetric.MIN_SCORE);
        List<DetectedBox> all = d.sceneProperty().get().predicted();
        for (int i = 0; i < all.size(); i++) {
            assertTrue(all.get(i).score() >= DetectionMapMetric.MIN_SCORE);
            assertTrue(i == 0 || all.get(i - 1).score() >= all.get(i).score(), "highest score first");
            for (int j = 0; j < i; j++) {
                DetectedBox a = all.get(i);
                DetectedBox b = all.get(j);
                assertFalse(a.classId() == b.classId() && iou(a, b) > DetectionMapMetric.NMS_IOU,
                        "NMS left no overlapping pair of one class");
            }
        }
        d.thresholdProperty().set(1.01);
        assertTrue(d.sceneProperty().get().predicted().isEmpty(), "the threshold hides boxes");
        assertNull(vm.flow().samplesProperty().get(), "no flow pictures for a detector");
    }

    private static double iou(DetectedBox a, DetectedBox b) {
        return BoxOps.iou(new double[] {a.x1(), a.y1(), a.x2(), a.y2()},
                new double[] {b.x1(), b.y1(), b.x2(), b.y2()});
    }
}
