package dev.tensorloom.studio.activation;

import dev.tensorloom.execution.session.ActivationSnapshot;
import dev.tensorloom.execution.session.ActivationStats;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.SnapshotPolicy;
import dev.tensorloom.studio.task.UpdateThrottle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the activation view shows of the watched node while training: a heatmap of its output preview,
 * a histogram, statistics, its gradient norm and any published views (attention maps). Hears the run on
 * the training thread and keeps only the newest snapshot per throttled update.
 */
public final class ActivationViewModel implements RunListener {
    static final int BINS = 40;
    /** Snapshot every this many steps: often enough to look live, rare enough to cost little. */
    static final int SNAPSHOT_EVERY = 2;

    private final Consumer<Object> updates;
    private volatile String watched;

    private final ReadOnlyStringWrapper node = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("Select a node, then start a run");
    private final ReadOnlyObjectWrapper<Heatmap> heatmap = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Histogram> histogram = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper statistics = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper gradientNorm = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<Heatmap>> views = new ReadOnlyObjectWrapper<>(List.of());

    public ActivationViewModel(UpdateThrottle throttle) {
        updates = throttle.publisher(this::apply);
    }

    /** Watches the one selected node (none when the selection is empty or has several). */
    public void setSelection(Set<String> ids) {
        String id = ids.size() == 1 ? ids.iterator().next() : null;
        watched = id;
        node.set(id == null ? "" : id);
        heading.set(id == null ? "Select one node to watch its output" : "Watching " + id);
        heatmap.set(null);
        histogram.set(null);
        statistics.set("");
        gradientNorm.set("");
        views.set(List.of());
    }

    /**
     * Which nodes the next run copies out: the watched node every {@value #SNAPSHOT_EVERY} steps, or every
     * node, more rarely, when none is watched, so choosing one during the run still shows something.
     */
    public SnapshotPolicy snapshotPolicy() {
        String id = watched;
        return id == null ? SnapshotPolicy.all(10 * SNAPSHOT_EVERY) : SnapshotPolicy.nodes(Set.of(id), SNAPSHOT_EVERY);
    }

    @Override
    public void onActivation(ActivationSnapshot snapshot) {
        if (snapshot.nodeId().equals(watched)) {
            updates.accept(snapshot);
        }
    }

    @Override
    public void onGradientNorms(long step, Map<String, Double> norms) {
        String id = watched;
        Double norm = id == null ? null : norms.get(id);
        if (norm != null) {
            updates.accept(new GradientNorm(step, id, norm));
        }
    }

    private record GradientNorm(long step, String nodeId, double norm) {
    }

    /** Only the newest snapshot and norm of a batch are drawn; older ones would be overpainted at once. */
    private void apply(List<Object> batch) {
        ActivationSnapshot latest = null;
        GradientNorm norm = null;
        for (Object o : batch) {
            // The first output port of the newest step is shown; later ports of that step are skipped.
            if (o instanceof ActivationSnapshot s && s.nodeId().equals(watched)
                    && (latest == null || s.step() > latest.step())) {
                latest = s;
            } else if (o instanceof GradientNorm g && g.nodeId().equals(watched)) {
                norm = g;
            }
        }
        if (latest != null) {
            show(latest);
        }
        if (norm != null) {
            gradientNorm.set(String.format("gradient norm %.4g (step %d)", norm.norm(), norm.step()));
        }
    }

    private void show(ActivationSnapshot s) {
        heading.set(String.format("%s.%s  %s  step %d", s.nodeId(), s.port(), shape(s.preview().shape()),
                s.step()));
        heatmap.set(Heatmap.of(s.preview(), s.port()));
        histogram.set(Histogram.of(s.preview().values(), BINS));
        statistics.set(statistics(s.stats()));
        List<Heatmap> extra = new ArrayList<>();
        s.views().forEach((name, p) -> extra.add(Heatmap.of(p, name + " " + shape(p.shape()) + " (first example, first head)")));
        views.set(List.copyOf(extra));
    }

    static String statistics(ActivationStats s) {
        return String.format("mean %.4g   std %.4g   min %.4g   max %.4g   zeros %.1f%%   NaN %d   Inf %d",
                s.mean(), s.std(), s.min(), s.max(), 100 * s.zeroFraction(), s.nanCount(), s.infCount());
    }

    private static String shape(long[] dims) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < dims.length; i++) {
            b.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return b.append(']').toString();
    }

    public ReadOnlyStringProperty nodeProperty() {
        return node.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Heatmap> heatmapProperty() {
        return heatmap.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Histogram> histogramProperty() {
        return histogram.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statisticsProperty() {
        return statistics.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty gradientNormProperty() {
        return gradientNorm.getReadOnlyProperty();
    }

    /** Published views of the watched node (attention weights), one heatmap each. */
    public ReadOnlyObjectProperty<List<Heatmap>> viewsProperty() {
        return views.getReadOnlyProperty();
    }
}
