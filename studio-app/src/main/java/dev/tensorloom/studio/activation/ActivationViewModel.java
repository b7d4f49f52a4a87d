package dev.tensorloom.studio.activation;

import dev.tensorloom.execution.session.ActivationProbe;
import dev.tensorloom.execution.session.ActivationSnapshot;
import dev.tensorloom.execution.session.ActivationStats;
import dev.tensorloom.execution.session.RunListener;
import dev.tensorloom.execution.session.SnapshotPolicy;
import dev.tensorloom.execution.session.ViewRequest;
import dev.tensorloom.execution.session.view.AttentionHeads;
import dev.tensorloom.execution.session.view.DetectionPicture;
import dev.tensorloom.execution.session.view.FlowSamples;
import dev.tensorloom.execution.session.view.LatentScatter;
import dev.tensorloom.execution.session.view.NodeView;
import dev.tensorloom.execution.session.view.SamplerSteps;
import dev.tensorloom.studio.task.UpdateThrottle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * What the activation view shows of the watched node while training: a heatmap of its output preview,
 * a histogram, statistics, its gradient norm, and the pictures that teach more for some nodes and models
 * (attention per head, a flow's latent space and samples, a sampler's steps, a detector's boxes), each
 * with its own view model. Hears the run on the training thread and keeps only the newest snapshot per
 * throttled update.
 */
public final class ActivationViewModel implements RunListener {
    static final int BINS = 40;
    /** Snapshot every this many steps: often enough to look live, rare enough to cost little. */
    static final int SNAPSHOT_EVERY = 2;
    /**
     * Model pictures (samples, detections) every this many steps and after the last: each costs a sampling
     * or evaluation pass on the training thread, so they come far more rarely than snapshots.
     */
    static final int MODEL_VIEWS_EVERY = 50;

    private final Consumer<Object> updates;
    private volatile String watched;

    private final ReadOnlyStringWrapper node = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(NOTHING_WATCHED);
    private final ReadOnlyObjectWrapper<Heatmap> heatmap = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Histogram> histogram = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper statistics = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper gradientNorm = new ReadOnlyStringWrapper("");
    private final AttentionViewModel attention = new AttentionViewModel();
    private final FlowViewModel flow = new FlowViewModel();
    private final SamplerViewModel sampler = new SamplerViewModel();
    private final DetectionViewModel detection = new DetectionViewModel();
    private final IntegerProperty channel = new SimpleIntegerProperty(0);
    private final ReadOnlyIntegerWrapper channels = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper examples = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper slice = new ReadOnlyStringWrapper("");
    private volatile ViewRequest request = ViewRequest.NONE;

    /** What an empty tab says: what to select, and that the pictures come from training. */
    static final String NOTHING_WATCHED = "Select one block to watch its output, then train (Run → Start, F5): "
            + "its activations appear here as the run goes";

    public ActivationViewModel(UpdateThrottle throttle) {
        updates = throttle.publisher(this::apply);
        channel.addListener((o, a, b) -> {
            ViewRequest r = request;
            if (r != ViewRequest.NONE) {
                r.setChannel(b.intValue());
            }
        });
    }

    /** Watches the one selected node (none when the selection is empty or has several). */
    public void setSelection(Set<String> ids) {
        String id = ids.size() == 1 ? ids.iterator().next() : null;
        watched = id;
        node.set(id == null ? "" : id);
        heading.set(id == null ? NOTHING_WATCHED : "Watching " + id + ": its output appears here while a run trains (Run → Start, F5)");
        heatmap.set(null);
        histogram.set(null);
        statistics.set("");
        gradientNorm.set("");
        attention.clear();
        flow.clear();
        sampler.clear();
        detection.clear();
    }

    /**
     * Which nodes the next run copies out: the watched node every {@value #SNAPSHOT_EVERY} steps, or every
     * node, more rarely, when none is watched, so choosing one during the run still shows something. A
     * watched node also asks for model pictures every {@value #MODEL_VIEWS_EVERY} steps and for the
     * attention example picked in the view (which the run reads as it trains).
     */
    public SnapshotPolicy snapshotPolicy() {
        String id = watched;
        if (id == null) {
            request = ViewRequest.NONE;
            attention.attach(ViewRequest.NONE);
            return SnapshotPolicy.all(10 * SNAPSHOT_EVERY);
        }
        ViewRequest r = new ViewRequest(MODEL_VIEWS_EVERY);
        r.setChannel(channel.get());
        request = r;
        attention.attach(r);
        return SnapshotPolicy.nodes(Set.of(id), SNAPSHOT_EVERY).withRequest(r);
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

    /**
     * Only the newest snapshot and norm of a batch are drawn; older ones would be overpainted at once. Model
     * pictures come rarely, so the newest of each kind in the batch is kept whichever snapshot carried it.
     */
    private void apply(List<Object> batch) {
        ActivationSnapshot latest = null;
        GradientNorm norm = null;
        List<NodeView> pictures = new ArrayList<>();
        for (Object o : batch) {
            // Only the first output port is shown (it carries the pictures), so a batch that happens to end
            // between two ports of a step does not flip the view; a later snapshot of the same step (with
            // model pictures) replaces the earlier one.
            if (o instanceof ActivationSnapshot s && s.nodeId().equals(watched) && s.output() == 0) {
                if (latest == null || s.step() >= latest.step()) {
                    latest = s;
                }
                s.views().stream().filter(v -> v instanceof FlowSamples || v instanceof SamplerSteps
                        || v instanceof DetectionPicture).forEach(pictures::add);
            } else if (o instanceof GradientNorm g && g.nodeId().equals(watched)) {
                norm = g;
            }
        }
        if (latest != null) {
            show(latest);
        }
        for (NodeView v : pictures) {
            if (v instanceof FlowSamples f) {
                flow.showSamples(f);
            } else if (v instanceof SamplerSteps st) {
                sampler.show(st);
            } else if (v instanceof DetectionPicture d) {
                detection.show(d);
            }
        }
        if (norm != null) {
            gradientNorm.set(String.format("gradient norm %.4g (step %d)", norm.norm(), norm.step()));
        }
    }

    private void show(ActivationSnapshot s) {
        heading.set(String.format("%s.%s  %s  step %d", s.nodeId(), s.port(), shape(s.preview().shape()),
                s.step()));
        heatmap.set(Heatmap.of(s.preview(), s.port()));
        long[] dims = s.preview().shape();
        examples.set(dims.length >= 3 ? (int) dims[0] : 0);
        channels.set(dims.length == 4 ? (int) dims[1] : 0);
        slice.set(sliceCaption(dims, attention.exampleProperty().get(), channel.get()));
        histogram.set(Histogram.of(s.preview().values(), BINS));
        statistics.set(statistics(s.stats()));
        List<AttentionHeads> maps = new ArrayList<>();
        LatentScatter latent = null;
        for (NodeView v : s.views()) {
            if (v instanceof AttentionHeads a) {
                maps.add(a);
            } else if (v instanceof LatentScatter z) {
                latent = z;
            }
        }
        attention.show(maps);
        flow.showLatent(latent);
    }

    /** Which part of the output the preview shows, in the words of its shape (indices clamped as the run does). */
    static String sliceCaption(long[] dims, int example, int channel) {
        if (dims.length < 3) {
            return "rows: examples of the batch, columns: features";
        }
        String one = String.format("example %d of %d", ActivationProbe.clamp(example, dims[0]), dims[0]);
        if (dims.length == 4) {
            return String.format("%s · channel %d of %d · rows × columns: height × width", one,
                    ActivationProbe.clamp(channel, dims[1]), dims[1]);
        }
        return one + " · rows: leading dimensions, columns: last";
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

    /** The channel of an image output the preview shows (asked of the run, like the example). */
    public IntegerProperty channelProperty() {
        return channel;
    }

    /** Channels of the newest image output; 0 when the output is not an image batch. */
    public ReadOnlyIntegerProperty channelsProperty() {
        return channels.getReadOnlyProperty();
    }

    /** Examples of the newest output when the preview shows one example; 0 when it shows the whole batch. */
    public ReadOnlyIntegerProperty examplesProperty() {
        return examples.getReadOnlyProperty();
    }

    /** The example the preview shows: the same one attention maps show. */
    public IntegerProperty exampleProperty() {
        return attention.exampleProperty();
    }

    /** Which part of the output the preview shows. */
    public ReadOnlyStringProperty sliceProperty() {
        return slice.getReadOnlyProperty();
    }

    public AttentionViewModel attention() {
        return attention;
    }

    public FlowViewModel flow() {
        return flow;
    }

    public SamplerViewModel sampler() {
        return sampler;
    }

    public DetectionViewModel detection() {
        return detection;
    }
}
