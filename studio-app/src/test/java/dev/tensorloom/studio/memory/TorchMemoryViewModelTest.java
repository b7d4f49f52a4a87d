package dev.tensorloom.studio.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tensorloom.execution.torch.TorchEvent;
import dev.tensorloom.studio.ui.ChartPoint;
import dev.tensorloom.studio.task.UpdateThrottle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The PyTorch engine's memory event as the view shows it: the sentence, the largest savers, the timeline above the start. */
class TorchMemoryViewModelTest {
    private static final long MIB = 1L << 20;

    @Test
    void aMemoryEventBecomesTheHeadlineTheBarsAndTheTimeline() {
        TorchMemoryViewModel vm = new TorchMemoryViewModel(UpdateThrottle.direct());
        assertEquals(TorchMemoryViewModel.NONE_YET, vm.headlineProperty().get());
        assertNull(vm.measurementProperty().get());
        Map<String, Long> saved = new LinkedHashMap<>();
        saved.put("embed", MIB);
        saved.put("enc1", 6 * MIB);
        saved.put("enc2", 5 * MIB);
        List<TorchEvent.Memory.Sample> samples = List.of(new TorchEvent.Memory.Sample("forward-start", "embed", 100 * MIB),
                new TorchEvent.Memory.Sample("forward", "embed", 101 * MIB),
                new TorchEvent.Memory.Sample("backward", "embed", 99 * MIB));
        vm.onMemory(new TorchEvent.Memory(2, "glibc mallinfo2", "cpu", 100 * MIB, 112 * MIB, saved, samples));

        assertEquals("PyTorch run, step 2 on cpu, read with glibc mallinfo2: autograd saved 12.0 MiB for backward over "
                + "3 blocks (each storage once, parameters not counted); memory in use peaked 12.0 MiB above the step's "
                + "start.", vm.headlineProperty().get());
        assertEquals(List.of("enc1", "enc2", "embed"), vm.savedBytesProperty().get().stream().map(NodeBytes::nodeId).toList());
        assertEquals(List.of(new ChartPoint(0, 0), new ChartPoint(1, 1), new ChartPoint(2, -1)),
                vm.timelineProperty().get());
    }

    @Test
    void manySamplesAreThinnedWithoutLosingThePeak() {
        List<TorchEvent.Memory.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            samples.add(new TorchEvent.Memory.Sample("forward", "n" + i, (i == 3333 ? 50 : 1) * MIB));
        }
        List<ChartPoint> points = TorchMemoryViewModel.points(samples, 0);
        assertEquals(556, points.size(), "5,000 samples in buckets of 9, at most " + TorchMemoryViewModel.TIMELINE_POINTS);
        assertEquals(50.0, points.stream().mapToDouble(ChartPoint::y).max().orElseThrow());
    }
}
