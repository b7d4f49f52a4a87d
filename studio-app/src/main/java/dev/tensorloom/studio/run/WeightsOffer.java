package dev.tensorloom.studio.run;

import dev.tensorloom.model.doc.Document;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The trained weights File → Export… may offer: those the last finished run saved, and only while the project's
 * graph is still the one that run trained (moves and training settings keep them; other edits withdraw them).
 */
final class WeightsOffer {
    private final ReadOnlyObjectWrapper<TrainedWeights> offered = new ReadOnlyObjectWrapper<>();
    /** Counts edits that change what weights the graph has. */
    private long graphRevision;
    /** {@link #graphRevision} when the last run finished; its weights fit while the two agree. */
    private long finishedAt = -1;

    WeightsOffer(Document document) {
        document.addListener(change -> {
            if (TrainedWeights.outdatedBy(change)) {
                graphRevision++;
                offered.set(null); // another graph: those weights no longer fit it
            }
        });
    }

    /** A run finished on the graph as it is now; its weights follow when saved. */
    void runFinished() {
        finishedAt = graphRevision;
    }

    /** The finished run's weights are saved: offered unless the graph changed since it finished. */
    void saved(TrainedWeights weights) {
        if (finishedAt == graphRevision) {
            offered.set(weights);
        }
    }

    ReadOnlyObjectProperty<TrainedWeights> property() {
        return offered.getReadOnlyProperty();
    }
}
