package dev.tensorloom.studio.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.execution.session.ActivationSnapshot;
import dev.tensorloom.execution.session.ActivationStats;
import dev.tensorloom.execution.session.Preview;
import dev.tensorloom.execution.session.SnapshotPolicy;
import dev.tensorloom.studio.task.UpdateThrottle;
import dev.tensorloom.execution.session.view.AttentionHeads;
import dev.tensorloom.execution.session.view.NodeView;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActivationViewModelTest {
    private static ActivationSnapshot snapshot(String node, long step, float[] values, List<NodeView> views) {
        return new ActivationSnapshot(step, node, 0, "out", new ActivationStats(0.5, 1.25, -2, 3, 0.25, 0, 1),
                new Preview(new long[] {8, 2, 2}, 2, 2, values), views);
    }

    @Test
    void showsTheWatchedNodesNewestSnapshot() {
        ActivationViewModel vm = new ActivationViewModel(UpdateThrottle.direct());
        vm.setSelection(Set.of("enc1"));
        vm.onActivation(snapshot("other", 3, new float[] {9, 9, 9, 9}, List.of()));
        assertNull(vm.heatmapProperty().get(), "other nodes are ignored");
        vm.onActivation(snapshot("enc1", 4, new float[] {-1, 0, 1, 3}, List.of()));
        Heatmap h = vm.heatmapProperty().get();
        assertEquals(2, h.rows());
        assertEquals(2, h.cols());
        assertEquals(-1, h.min());
        assertEquals(3, h.max());
        assertEquals(0.5, h.position(1f), 1e-12);
        assertEquals("mean 0.5000   std 1.250   min -2.000   max 3.000   zeros 25.0%   NaN 0   Inf 1",
                vm.statisticsProperty().get());
        assertTrue(vm.headingProperty().get().contains("[8, 2, 2]"));
        assertArrayEquals(new long[] {1, 1, 1, 1}, sparse(vm.histogramProperty().get(), 4));
    }

    @Test
    void onlyTheFirstOutputPortIsShown() {
        ActivationViewModel vm = new ActivationViewModel(UpdateThrottle.direct());
        vm.setSelection(Set.of("c8"));
        vm.onActivation(snapshot("c8", 6, new float[] {-1, 0, 1, 3}, List.of()));
        vm.onActivation(new ActivationSnapshot(6, "c8", 1, "logdet", new ActivationStats(0, 0, 0, 0, 1, 0, 0),
                new Preview(new long[] {8}, 1, 1, new float[] {0}), List.of()));
        assertEquals(2, vm.heatmapProperty().get().rows(), "the logdet port does not replace z");
        assertTrue(vm.headingProperty().get().startsWith("c8.out"));
    }

    /** Counts of the 40-bin histogram over [-1, 3] folded into 4 equal quarters. */
    private static long[] sparse(Histogram h, int parts) {
        long[] out = new long[parts];
        for (int b = 0; b < h.counts().length; b++) {
            out[b * parts / h.counts().length] += h.counts()[b];
        }
        return out;
    }

    @Test
    void gradientNormAndAttentionViews() {
        ActivationViewModel vm = new ActivationViewModel(UpdateThrottle.direct());
        vm.setSelection(Set.of("att"));
        Preview head0 = new Preview(new long[] {4, 2, 3, 3}, 3, 3, new float[] {1, 0, 0, 0.5f, 0.5f, 0, 0.2f, 0.3f, 0.5f});
        Preview head1 = new Preview(new long[] {4, 2, 3, 3}, 3, 3, new float[] {0, 0, 1, 0, 1, 0, 1, 0, 0});
        vm.onActivation(snapshot("att", 2, new float[] {1, 2, 3, 4},
                List.of(new AttentionHeads(2, "attention", new long[] {4, 2, 3, 3}, 1, List.of(head0, head1)))));
        vm.onGradientNorms(3, Map.of("att", 0.125, "x", 9.0));
        AttentionViewModel attention = vm.attention();
        assertEquals(2, attention.headsProperty().get());
        assertEquals(4, attention.examplesProperty().get());
        assertEquals(1, attention.panelsProperty().get().size());
        assertEquals(2, attention.panelsProperty().get().get(0).heads().size());
        assertEquals(1f, attention.panelsProperty().get().get(0).selected().values()[0], "head 0 drawn large");
        attention.headProperty().set(1);
        assertEquals(0f, attention.panelsProperty().get().get(0).selected().values()[0], "head 1 drawn large");
        assertTrue(attention.panelsProperty().get().get(0).title().contains("3×3 · example 1 of 4 · head 1 of 2"));
        assertEquals("gradient norm 0.1250 (step 3)", vm.gradientNormProperty().get());
    }

    @Test
    void snapshotPolicyFollowsTheSelection() {
        ActivationViewModel vm = new ActivationViewModel(UpdateThrottle.direct());
        assertTrue(vm.snapshotPolicy().all(), "nothing watched: every node, rarely");
        vm.setSelection(Set.of("enc1"));
        SnapshotPolicy watched = vm.snapshotPolicy();
        assertEquals(Set.of("enc1"), watched.nodes());
        assertEquals(ActivationViewModel.SNAPSHOT_EVERY, watched.everySteps());
        assertEquals(ActivationViewModel.MODEL_VIEWS_EVERY, watched.request().modelViewsEvery());
        vm.attention().exampleProperty().set(3);
        assertEquals(3, watched.request().example(), "the run reads the picked example while it trains");
        vm.setSelection(Set.of("a", "b"));
        assertTrue(vm.snapshotPolicy().all());
    }

    @Test
    void imageOutputsOfferExampleAndChannelWhichTheRunReads() {
        ActivationViewModel vm = new ActivationViewModel(UpdateThrottle.direct());
        vm.setSelection(Set.of("conv"));
        SnapshotPolicy policy = vm.snapshotPolicy();
        vm.onActivation(new ActivationSnapshot(2, "conv", 0, "out", new ActivationStats(0, 1, 0, 1, 0, 0, 0),
                new Preview(new long[] {16, 8, 4, 4}, 4, 4, new float[16]), List.of()));
        assertEquals(16, vm.examplesProperty().get());
        assertEquals(8, vm.channelsProperty().get());
        vm.channelProperty().set(5);
        vm.exampleProperty().set(2);
        assertEquals(5, policy.request().channel(), "the run reads the channel while it trains");
        assertEquals(2, policy.request().example());
        assertEquals("example 2 of 16 · channel 5 of 8 · rows × columns: height × width",
                ActivationViewModel.sliceCaption(new long[] {16, 8, 4, 4}, 2, 5));
        assertEquals("example 15 of 16 · rows: leading dimensions, columns: last",
                ActivationViewModel.sliceCaption(new long[] {16, 8, 4}, 40, 0), "clamped as the run clamps");

        vm.onActivation(snapshot("conv", 4, new float[] {1, 2, 3, 4}, List.of()));
        assertEquals(0, vm.channelsProperty().get(), "a sequence output has no channel to pick");
        assertEquals(8, vm.examplesProperty().get());
    }

    @Test
    void histogramCountsFiniteValuesOnly() {
        Histogram h = Histogram.of(new float[] {0, 1, 2, 3, Float.NaN, Float.POSITIVE_INFINITY}, 3);
        assertEquals(0, h.min());
        assertEquals(3, h.max());
        assertArrayEquals(new long[] {1, 1, 2}, h.counts());
        assertEquals(0.5, h.centre(0), 1e-12);
    }

    @Test
    void colourMapEndsAndNonFiniteValues() {
        assertEquals(0xFF440154, ColorMap.argb(0));
        assertEquals(0xFFFDE725, ColorMap.argb(1));
        assertEquals(0xFFFF00FF, ColorMap.argb(Double.NaN));
    }
}
