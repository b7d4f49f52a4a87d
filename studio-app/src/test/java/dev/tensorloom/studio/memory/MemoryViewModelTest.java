package dev.tensorloom.studio.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.canvas.view.CanvasStyles;
import dev.tensorloom.execution.memory.MemoryPhase;
import dev.tensorloom.execution.memory.MemorySample;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GroupTree;
import dev.tensorloom.studio.ui.ChartPoint;
import dev.tensorloom.studio.task.TaskExecutor;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MemoryViewModelTest {
    private static MemoryViewModel vm;
    private static Document document;

    /** One real measurement of a 6-block chain (none vs sqrt), shared by the tests. */
    @BeforeAll
    static void measure() throws Exception {
        var project = SmallChain.project(6, 32);
        document = project.document();
        vm = new MemoryViewModel(project.document(), BlockCatalog.standard(),
                new StandardMemoryAnalyzer(BlockCatalog.standard(), OptionalInt.empty()), TaskExecutor.direct());
        vm.analyze("sqrt");
        assertNotNull(vm.analysisProperty().get(), vm.statusProperty().get());
    }

    @Test
    void seriesComeFromBothMeasurementsWithALowerPeakForTheCheckpointPolicy() {
        var result = vm.analysisProperty().get().result();
        assertEquals("sqrt", vm.policyNameProperty().get());
        assertEquals(result.baseline().samples().size(), vm.timelines().baselineLedgerProperty().get().size());
        assertEquals(result.policy().samples().size(), vm.timelines().policyLedgerProperty().get().size());
        ChartPoint none = TimelineSeries.peak(vm.timelines().baselineLedgerProperty().get());
        ChartPoint sqrt = TimelineSeries.peak(vm.timelines().policyLedgerProperty().get());
        assertEquals(result.baseline().peakLedgerBytes() / TimelineSeries.MIB, none.y(), 1e-9);
        assertEquals(result.policy().peakLedgerBytes() / TimelineSeries.MIB, sqrt.y(), 1e-9);
        assertTrue(sqrt.y() < none.y(), "sqrt " + sqrt.y() + " vs none " + none.y());
        String peaks = vm.timelines().peaksProperty().get();
        assertTrue(peaks.startsWith("Measured peak on the CPU (glibc mallinfo2 native heap above the step's start"), peaks);
        assertTrue(peaks.contains("so a lower bound"), peaks);
        assertTrue(peaks.contains("Ledger peak (exact: only the node outputs the executor holds"), peaks);
        assertTrue(peaks.contains("none " + PolicyPrediction.mib(result.baseline().peakLedgerBytes())), peaks);
    }

    @Test
    void eachSeriesPeakIsMarkedWithItsValue() {
        var result = vm.analysisProperty().get().result();
        List<PeakMark> marks = vm.timelines().peakMarksProperty().get();
        PeakMark noneLedger = marks.stream().filter(m -> m.series() == 0).findFirst().orElseThrow();
        PeakMark sqrtLedger = marks.stream().filter(m -> m.series() == 2).findFirst().orElseThrow();
        assertEquals(result.baseline().peakLedgerBytes() / TimelineSeries.MIB, noneLedger.y(), 1e-9);
        assertEquals(result.policy().peakLedgerBytes() / TimelineSeries.MIB, sqrtLedger.y(), 1e-9);
        assertEquals(String.format("sqrt ledger %.1f MiB", sqrtLedger.y()), sqrtLedger.label());
        // The mark sits on the series' own highest point.
        ChartPoint top = TimelineSeries.peak(vm.timelines().policyLedgerProperty().get());
        assertEquals(top.x(), sqrtLedger.x());
        assertEquals(vm.timelines().baselineMeasuredProperty().get().isEmpty() ? 2 : 4, marks.size());
    }

    @Test
    void peakMarksSkipEmptySeries() {
        List<PeakMark> marks = PeakMark.peaks(List.of(List.of(new ChartPoint(0, 1), new ChartPoint(1, 3),
                new ChartPoint(2, 2)), List.of()), List.of("a", "b"));
        assertEquals(List.of(new PeakMark(0, 1, 3, "a 3.0 MiB")), marks);
    }

    @Test
    void barsListTheLargestSaversWithTheirTreatment() {
        List<NodeBytes> bars = vm.nodeBytesProperty().get();
        assertFalse(bars.isEmpty());
        assertTrue(bars.size() <= MemoryViewModel.BARS);
        var profile = vm.analysisProperty().get().result().profile();
        var plan = vm.analysisProperty().get().plan();
        for (NodeBytes b : bars) {
            // A collapsed group's bar is the sum of the nodes inside it (deep-chain groups each residual block).
            List<String> nodes = b.group() ? GroupTree.allMembers(document, b.nodeId()) : List.of(b.nodeId());
            long expected = nodes.stream().mapToInt(plan::indexOf).filter(i -> i >= 0)
                    .mapToLong(profile::savedBytes).sum();
            assertEquals(expected, b.bytes(), b.nodeId());
        }
        assertTrue(bars.stream().anyMatch(b -> !b.treatment().equals("stored")), "sqrt drops something");
    }

    @Test
    void replanningUsesTheCachedProfileAndExplainsTheNumbers() {
        vm.replan("none");
        PolicyPrediction none = vm.predictionProperty().get();
        assertEquals(0, none.recomputations());
        assertEquals(none.baselinePeakBytes(), none.peakBytes());
        assertTrue(none.explanation().contains("nothing is recomputed"), none.explanation());
        vm.replan("sqrt");
        PolicyPrediction sqrt = vm.predictionProperty().get();
        assertTrue(sqrt.peakBytes() < sqrt.baselinePeakBytes());
        assertTrue(sqrt.recomputations() > 0);
        assertEquals(sqrt.stored() + sqrt.checkpoints() + sqrt.dropped(),
                vm.analysisProperty().get().plan().steps().stream().filter(s -> !s.isSource()).count());
        assertTrue(sqrt.explanation().contains(PolicyPrediction.mib(sqrt.peakBytes())), sqrt.explanation());
        assertTrue(sqrt.explanation().contains(sqrt.recomputations() + " extra layer forwards"), sqrt.explanation());
        vm.replan("budget:x");
        assertTrue(vm.statusProperty().get().contains("bad checkpoint policy"));
    }

    @Test
    void replayStepsNodeStatesSampleBySample() {
        int n = vm.replay().lengthProperty().get();
        assertTrue(n > 0);
        vm.replay().seek(-1);
        assertEquals(Map.of(), vm.replay().statesProperty().get());
        vm.replay().stepForward();
        assertEquals(0, vm.replay().indexProperty().get());
        assertEquals(1, vm.replay().statesProperty().get().size());
        vm.replay().seek(n - 1);
        // After the whole step every layer's gradient is done; the data inputs have no backward.
        var plan = vm.analysisProperty().get().plan();
        for (var step : plan.steps()) {
            assertEquals(step.isSource() ? CanvasStyles.STATE_KEPT : CanvasStyles.STATE_GRAD_DONE,
                    vm.replay().statesProperty().get().get(step.nodeId()), step.nodeId());
        }
        vm.replay().play();
        assertTrue(vm.replay().playingProperty().get());
        assertEquals(-1, vm.replay().indexProperty().get(), "play at the end starts over");
        vm.replay().seek(n - 2);
        vm.replay().stepForward();
        vm.replay().stepForward();
        assertFalse(vm.replay().playingProperty().get(), "stops at the end");
    }

    @Test
    void replayStatesFollowTheActions() {
        List<MemorySample> s = List.of(sample(0, MemoryPhase.FORWARD, "a"), sample(1, MemoryPhase.FORWARD, "b"),
                sample(2, MemoryPhase.DROP, "a"), sample(3, MemoryPhase.RECOMPUTE, "a"),
                sample(4, MemoryPhase.BACKWARD, "b"));
        assertEquals(Map.of("a", CanvasStyles.STATE_KEPT, "b", CanvasStyles.STATE_KEPT), ReplayStates.after(s, 1));
        assertEquals(Map.of("a", CanvasStyles.STATE_DROPPED, "b", CanvasStyles.STATE_KEPT), ReplayStates.after(s, 2));
        assertEquals(Map.of("a", CanvasStyles.STATE_RECOMPUTING, "b", CanvasStyles.STATE_GRAD_DONE),
                ReplayStates.after(s, 4));
    }

    @Test
    void timelineThinningKeepsThePeak() {
        List<MemorySample> s = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            s.add(new MemorySample(i, MemoryPhase.FORWARD, "n", i == 517 ? 5L << 20 : 1L << 20, OptionalLong.empty(), i));
        }
        List<ChartPoint> p = TimelineSeries.ledger(s, 100);
        assertEquals(100, p.size());
        assertEquals(new ChartPoint(517, 5.0), TimelineSeries.peak(p));
        assertEquals(List.of(), TimelineSeries.measured(s, OptionalLong.empty(), 100), "nothing measured, no series");
    }

    @Test
    void measuredBytesAreCountedFromTheStepsStartLikeTheReportedPeak() {
        long mib = 1L << 20;
        List<MemorySample> s = List.of(
                new MemorySample(0, MemoryPhase.FORWARD, "a", 0, OptionalLong.of(10 * mib), 0),
                new MemorySample(1, MemoryPhase.FORWARD, "b", 0, OptionalLong.of(15 * mib), 1),
                new MemorySample(2, MemoryPhase.BACKWARD, "b", 0, OptionalLong.of(8 * mib), 2));
        List<ChartPoint> p = TimelineSeries.measured(s, OptionalLong.of(9 * mib), 100);
        assertEquals(List.of(new ChartPoint(0, 1.0), new ChartPoint(1, 6.0), new ChartPoint(2, 0.0)), p,
                "below the step's start (memory held before it was freed) the curve stays at 0");
    }

    private static MemorySample sample(long seq, MemoryPhase phase, String node) {
        return new MemorySample(seq, phase, node, 0, OptionalLong.empty(), seq);
    }

    @Test
    void anotherProjectClearsTheMeasurementAndEstimatesTheNewModel() throws Exception {
        var project = SmallChain.project(4, 16);
        MemoryViewModel own = new MemoryViewModel(project.document(), BlockCatalog.standard(),
                new StandardMemoryAnalyzer(BlockCatalog.standard(), OptionalInt.empty()), TaskExecutor.direct());
        own.analyze("sqrt");
        assertNotNull(own.analysisProperty().get(), own.statusProperty().get());
        assertFalse(own.timelines().baselineLedgerProperty().get().isEmpty());

        own.projectLoaded();
        assertNull(own.analysisProperty().get());
        assertTrue(own.timelines().baselineLedgerProperty().get().isEmpty());
        assertTrue(own.timelines().policyMeasuredProperty().get().isEmpty());
        assertEquals("", own.timelines().peaksProperty().get());
        assertTrue(own.statusProperty().get().contains("estimated from shapes"), own.statusProperty().get());
        assertNotNull(own.basisProperty().get(), "the estimate of the model now open");
        assertEquals(ProfileSource.ESTIMATED, own.basisProperty().get().source(), "an estimate, not the old measurement");
    }
}
