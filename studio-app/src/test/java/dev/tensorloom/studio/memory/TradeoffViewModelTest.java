package dev.tensorloom.studio.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.execution.checkpoint.CheckpointPolicy;
import dev.tensorloom.execution.checkpoint.Tradeoff;
import dev.tensorloom.execution.checkpoint.TradeoffPoint;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.studio.task.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The explorer on the deep-chain template cut to six blocks: predicted before anything runs, every point a
 * plan the memory view can show, choosing one recolours the canvas states and sets the next run's policy,
 * "fit in" picks the fastest plan that fits, and a measurement adds its points and re-predicts on the
 * measured costs.
 */
class TradeoffViewModelTest {
    private final List<String> applied = new ArrayList<>();

    private MemoryViewModel memory(Document doc) {
        return new MemoryViewModel(doc, BlockCatalog.standard(),
                new StandardMemoryAnalyzer(BlockCatalog.standard(), OptionalInt.empty()), TaskExecutor.direct());
    }

    @Test
    void predictsEveryPolicyBeforeAnythingRunsAndAppliesTheChosenOne() throws Exception {
        MemoryViewModel memory = memory(SmallChain.project(6, 4096).document());
        TradeoffViewModel vm = new TradeoffViewModel(memory, applied::add, TaskExecutor.direct());
        Tradeoff t = vm.tradeoffProperty().get();
        assertNotNull(t, vm.summaryProperty().get());
        assertTrue(vm.summaryProperty().get().contains("on costs estimated from shapes (batch 4096)"),
                vm.summaryProperty().get());
        assertEquals(memory.basisProperty().get().none().plan().peakBytes(),
                t.point(CheckpointPolicy.none()).orElseThrow().peakBytes(), "none's point is the memory view's none");
        assertEquals("sqrt", vm.chosenProperty().get().policy().toString(), "the view's policy is ringed");

        TradeoffPoint leanest = t.frontier().get(0);
        vm.choose(leanest);
        assertEquals(List.of(leanest.policy().toString()), applied, "the next run uses it");
        assertEquals(leanest.policy().toString(), memory.pickedPolicyProperty().get());
        assertEquals(leanest, vm.chosenProperty().get());
        assertEquals(leanest.peakBytes(), memory.predictionProperty().get().peakBytes(),
                "the memory view's plan is the chosen point");
        assertTrue(memory.planStatesProperty().get().containsValue(CanvasStyles.STATE_DROPPED),
                "the canvas shows what the leanest plan drops: " + memory.planStatesProperty().get());
    }

    @Test
    void fitInPicksTheFastestPlanThatFitsOrSaysWhyNoneDoes() throws Exception {
        MemoryViewModel memory = memory(SmallChain.project(6, 4096).document());
        TradeoffViewModel vm = new TradeoffViewModel(memory, applied::add, TaskExecutor.direct());
        Tradeoff t = vm.tradeoffProperty().get();
        long nonePeakMib = t.point(CheckpointPolicy.none()).orElseThrow().peakBytes() >> 20;
        long half = nonePeakMib / 2;
        vm.fitIn(half);
        TradeoffPoint chosen = vm.chosenProperty().get();
        assertTrue(chosen.peakBytes() <= half << 20, chosen.toString());
        for (TradeoffPoint p : t.points()) {
            if (p.peakBytes() <= half << 20) {
                assertTrue(chosen.stepNanos() <= p.stepNanos(), chosen + " is slower than " + p);
            }
        }
        assertTrue(vm.fitTextProperty().get().startsWith("Fastest within " + half + " MiB: " + chosen.policy()),
                vm.fitTextProperty().get());
        assertEquals(chosen.policy().toString(), applied.get(applied.size() - 1));

        vm.fitIn(1);
        assertTrue(vm.fitTextProperty().get().startsWith("Nothing fits in 1 MiB: the least predicted peak is"),
                vm.fitTextProperty().get());
        assertEquals(chosen, vm.chosenProperty().get(), "nothing changes when nothing fits");
    }

    @Test
    void aMeasurementAddsItsPointsAndThePredictionsMoveToTheMeasuredCosts() throws Exception {
        Document doc = SmallChain.project(6, 32).document();
        MemoryViewModel memory = memory(doc);
        TradeoffViewModel vm = new TradeoffViewModel(memory, applied::add, TaskExecutor.direct());
        assertEquals(List.of(), vm.measuredProperty().get());
        memory.analyze("every-k:2");
        assertNotNull(memory.analysisProperty().get(), memory.statusProperty().get());
        List<MeasuredPoint> measured = vm.measuredProperty().get();
        assertEquals(List.of("none", "every-k:2"), measured.stream().map(MeasuredPoint::policy).toList());
        assertEquals(1.0, measured.get(0).timeRatio());
        assertEquals(memory.analysisProperty().get().result().timeRatio(), measured.get(1).timeRatio());
        assertTrue(vm.summaryProperty().get().contains("on the measured costs (batch 32)"), vm.summaryProperty().get());
        assertTrue(vm.summaryProperty().get().contains("(measured)"), vm.summaryProperty().get());
        assertEquals(ProfileSource.MEASURED, vm.exploredProperty().get().source());
        assertEquals("every-k:2", vm.chosenProperty().get().policy().toString());

        // Editing the model makes the measurement history of another model: the points go.
        doc.setConfig(doc.config().withBatchSize(16));
        assertEquals(List.of(), vm.measuredProperty().get());
        assertEquals(ProfileSource.ESTIMATED, vm.exploredProperty().get().source());
        // Picking another policy for the next run is no edit of the model: nothing is re-estimated.
        doc.setConfig(doc.config().withCheckpointPolicy("sqrt"));
        assertEquals(ProfileSource.ESTIMATED, vm.exploredProperty().get().source());
        assertFalse(MemoryViewModel.changesCosts(new dev.tensorloom.model.doc.DocumentChange.ConfigChanged(
                doc.config(), doc.config().withCheckpointPolicy("none"))));
    }

    @Test
    void anEmptyModelHasNoPointsAndSaysWhy() {
        MemoryViewModel memory = memory(new Document());
        TradeoffViewModel vm = new TradeoffViewModel(memory, applied::add, TaskExecutor.direct());
        assertNull(vm.tradeoffProperty().get());
        vm.fitIn(10);
        assertEquals("No predictions yet", vm.fitTextProperty().get());
    }
}
