package dev.tensorloom.studio.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.estimate.Estimates;
import dev.tensorloom.model.validate.ShapeInference;
import dev.tensorloom.studio.task.TaskExecutor;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The memory view model plans before anything runs: on costs estimated from the shapes as soon as the
 * project is there, again after every change, with a message instead of numbers when the model has
 * errors, and on the measured costs once a measurement of the same model exists.
 */
class MemoryPlanningBeforeRunTest {
    private static final MemoryAnalyzer NEVER = (doc, policy) -> {
        throw new AssertionError("planning must not run the model");
    };

    @Test
    void predictionIsShownBeforeAnyRunAndNoneKeepsTheEstimatedActivations() throws Exception {
        // A large batch costs nothing here (nothing runs) and lifts the peak well above a MiB budget step.
        Document doc = SmallChain.project(6, 1024).document();
        MemoryViewModel vm = new MemoryViewModel(doc, BlockCatalog.standard(), NEVER, TaskExecutor.direct());

        PolicyPrediction sqrt = vm.predictionProperty().get();
        assertNotNull(sqrt, vm.planNoticeProperty().get());
        assertEquals(ProfileSource.ESTIMATED, sqrt.source());
        assertEquals("sqrt", sqrt.policy());
        assertTrue(sqrt.headline().contains("estimated from shapes (batch 1024, nothing run yet)"), sqrt.headline());
        assertTrue(sqrt.headline().contains("predicted peak " + PolicyPrediction.mib(sqrt.peakBytes())), sqrt.headline());
        assertTrue(sqrt.peakBytes() < sqrt.baselinePeakBytes());
        assertTrue(sqrt.recomputations() > 0 && sqrt.overhead() > 0);
        assertTrue(sqrt.explanation().contains("judged by FLOPs"), sqrt.explanation());
        assertTrue(sqrt.explanation().contains("b1_"), "names this model's nodes: " + sqrt.explanation());
        assertFalse(vm.nodeBytesProperty().get().isEmpty(), "bars show the estimated bytes");
        assertEquals("", vm.planNoticeProperty().get());
        assertNull(vm.analysisProperty().get());

        vm.replan("none");
        PolicyPrediction none = vm.predictionProperty().get();
        assertEquals(0, none.recomputations());
        // Without checkpointing every layer's activations are held at once: the estimates' sum times the batch.
        assertEquals(1024 * layerActivationBytesPerExample(doc), none.peakBytes());
        assertEquals(none.peakBytes(), none.baselinePeakBytes());

        long half = none.peakBytes() / 2 >> 20;
        vm.replanBudget(half);
        PolicyPrediction budget = vm.predictionProperty().get();
        assertEquals("budget:" + half, budget.policy());
        assertTrue(budget.peakBytes() <= half << 20, budget.headline());
        assertTrue(budget.headline().contains("budget:" + half + " (the least recomputation time whose predicted peak "
                + "fits " + half + " MiB)"), budget.headline());
        assertTrue(budget.headline().contains("predicted peak " + PolicyPrediction.mib(budget.peakBytes())),
                budget.headline());
    }

    @Test
    void changesReplanAndErrorsShowAMessageInsteadOfNumbers() throws Exception {
        Document doc = SmallChain.project(4, 64).document();
        MemoryViewModel vm = new MemoryViewModel(doc, BlockCatalog.standard(), NEVER, TaskExecutor.direct());
        vm.replan("none");
        long peak64 = vm.predictionProperty().get().peakBytes();

        doc.setConfig(doc.config().withBatchSize(128));
        PolicyPrediction at128 = vm.predictionProperty().get();
        assertEquals("none", at128.policy(), "the picked policy is planned again");
        assertEquals(128, at128.batchSize());
        assertEquals(2 * peak64, at128.peakBytes(), "activations scale with the batch");

        var fc2 = doc.requireNode("b2_fc2");
        doc.replaceNode(fc2.withParam("out_features", 17));
        assertNull(vm.predictionProperty().get());
        assertNull(vm.basisProperty().get());
        assertTrue(vm.planNoticeProperty().get().contains("has no known shapes"), vm.planNoticeProperty().get());
        vm.replan("sqrt");
        assertTrue(vm.statusProperty().get().contains("has no known shapes"), vm.statusProperty().get());

        doc.replaceNode(fc2);
        assertNotNull(vm.predictionProperty().get());
        assertEquals("sqrt", vm.predictionProperty().get().policy());
        assertEquals("", vm.planNoticeProperty().get());
    }

    @Test
    void aMeasurementSwitchesToMeasuredCostsUntilTheModelChanges() throws Exception {
        Document doc = SmallChain.project(3, 32).document();
        MemoryViewModel vm = new MemoryViewModel(doc, BlockCatalog.standard(),
                new StandardMemoryAnalyzer(BlockCatalog.standard(), OptionalInt.empty()), TaskExecutor.direct());
        assertEquals(ProfileSource.ESTIMATED, vm.basisProperty().get().source());
        vm.analyze("every-k:2");
        assertNotNull(vm.analysisProperty().get(), vm.statusProperty().get());
        assertEquals(ProfileSource.MEASURED, vm.basisProperty().get().source());
        vm.replan("sqrt");
        PolicyPrediction measured = vm.predictionProperty().get();
        assertEquals(ProfileSource.MEASURED, measured.source());
        assertTrue(measured.headline().contains("on the measured costs"), measured.headline());
        assertTrue(measured.explanation().contains("as profiled"), measured.explanation());

        doc.setConfig(doc.config().withBatchSize(48));
        assertEquals(ProfileSource.ESTIMATED, vm.basisProperty().get().source(), "the measurement is of another model");
        assertEquals(ProfileSource.ESTIMATED, vm.predictionProperty().get().source());
        assertEquals("sqrt", vm.predictionProperty().get().policy());
    }

    @Test
    void namesAreShortened() {
        assertEquals("none", PolicyPrediction.names(java.util.List.of()));
        assertEquals("a, b", PolicyPrediction.names(java.util.List.of("a", "b")));
        assertEquals("a, b, c, d and 2 more", PolicyPrediction.names(java.util.List.of("a", "b", "c", "d", "e", "f")));
    }

    /** Σ over the non-input nodes of the graph-model estimate's activation bytes per example. */
    private static long layerActivationBytesPerExample(Document doc) {
        BlockCatalog catalog = BlockCatalog.standard();
        Estimates estimates = Estimates.compute(doc, catalog, ShapeInference.run(doc, catalog));
        return estimates.perNode().entrySet().stream()
                .filter(e -> !doc.requireNode(e.getKey()).type().equals("input"))
                .mapToLong(e -> e.getValue().activationBytesPerExample()).sum();
    }
}
