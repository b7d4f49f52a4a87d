package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.torch.TorchEvent;
import dev.tensorloom.studio.ui.ChartPoint;
import dev.tensorloom.studio.task.UpdateThrottle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the PyTorch engine measured in one training step of its last run: the bytes autograd saved for
 * backward per node (each storage once, parameters not counted, through {@code saved_tensors_hooks}) and
 * device memory in use sampled around every block's forward and backward ({@code torch.cuda.memory_allocated}
 * on a GPU, glibc's heap on the CPU). Events arrive on the engine's reader thread and reach these properties
 * through an {@link UpdateThrottle}.
 */
public final class TorchMemoryViewModel {
    static final int BARS = 24;
    static final int TIMELINE_POINTS = 600;
    static final String NONE_YET = "No PyTorch measurement yet: pick PyTorch as the engine in the Run tab and "
            + "train; its second step is measured.";

    private final Consumer<TorchEvent.Memory> events;
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(NONE_YET);
    private final ReadOnlyObjectWrapper<List<NodeBytes>> saved = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<ChartPoint>> timeline = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<TorchEvent.Memory> measurement = new ReadOnlyObjectWrapper<>();

    public TorchMemoryViewModel(UpdateThrottle throttle) {
        Consumer<List<TorchEvent.Memory>> sink = batch -> show(batch.get(batch.size() - 1));
        events = throttle.publisher(sink);
    }

    /** Another project was loaded: the previous project's measurement goes. */
    public void clear() {
        headline.set(NONE_YET);
        saved.set(List.of());
        timeline.set(List.of());
        measurement.set(null);
    }

    /** Hears a memory event of the PyTorch engine (on its reader thread). */
    public void onMemory(TorchEvent.Memory event) {
        events.accept(event);
    }

    private void show(TorchEvent.Memory m) {
        long total = m.savedBytes().values().stream().mapToLong(Long::longValue).sum();
        headline.set(String.format(Locale.ROOT, "PyTorch run, step %d on %s, read with %s: autograd saved %.1f MiB "
                + "for backward over %d blocks (each storage once, parameters not counted); memory in use peaked "
                + "%.1f MiB above the step's start.", m.step(), m.device(), m.source(), total / TimelineSeries.MIB,
                m.savedBytes().size(), (m.peakBytes() - m.baselineBytes()) / TimelineSeries.MIB));
        saved.set(m.savedBytes().entrySet().stream()
                .sorted(Comparator.comparingLong((java.util.Map.Entry<String, Long> e) -> e.getValue()).reversed())
                .limit(BARS).map(e -> new NodeBytes(e.getKey(), e.getValue(), "stored")).toList());
        timeline.set(points(m.samples(), m.baselineBytes()));
        measurement.set(m);
    }

    /** MiB above the step's start per sample, thinned to the largest of each bucket so no peak is hidden. */
    static List<ChartPoint> points(List<TorchEvent.Memory.Sample> samples, long baseline) {
        int bucket = Math.max(1, (samples.size() + TIMELINE_POINTS - 1) / TIMELINE_POINTS);
        List<ChartPoint> out = new ArrayList<>();
        for (int start = 0; start < samples.size(); start += bucket) {
            int best = start;
            for (int i = start; i < Math.min(samples.size(), start + bucket); i++) {
                if (samples.get(i).bytes() > samples.get(best).bytes()) {
                    best = i;
                }
            }
            out.add(new ChartPoint(best, (samples.get(best).bytes() - baseline) / TimelineSeries.MIB));
        }
        return out;
    }

    /** What was measured, in a sentence, or how to get a measurement. */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** Bytes autograd saved per block, largest first, at most {@value #BARS}. */
    public ReadOnlyObjectProperty<List<NodeBytes>> savedBytesProperty() {
        return saved.getReadOnlyProperty();
    }

    /** MiB in use above the step's start, one point per sample (x = sample index). */
    public ReadOnlyObjectProperty<List<ChartPoint>> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    /** The last event shown, or null before the first. */
    public ReadOnlyObjectProperty<TorchEvent.Memory> measurementProperty() {
        return measurement.getReadOnlyProperty();
    }
}
