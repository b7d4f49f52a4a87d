package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.memory.MemorySample;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Steps through a measured step's schedule samples as node states on the canvas: seek, step, play and
 * pause (the view advances with {@link #stepForward} on its own timer while playing).
 */
public final class ReplayViewModel {
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper length = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<Map<String, String>> states = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private List<MemorySample> samples = List.of();

    /** Replays {@code recorded} from before its first sample. */
    void load(List<MemorySample> recorded) {
        pause();
        samples = List.copyOf(recorded);
        length.set(samples.size());
        seek(-1);
    }

    /** Shows the node states after sample {@code index} (-1: before the step). */
    public void seek(int at) {
        int i = Math.max(-1, Math.min(at, samples.size() - 1));
        index.set(i);
        states.set(ReplayStates.after(samples, i));
        if (i < 0) {
            text.set(samples.isEmpty() ? "" : "Before the step: press play or step");
        } else {
            MemorySample s = samples.get(i);
            text.set(String.format("%d / %d  %s %s  —  %s held", i + 1, samples.size(),
                    s.phase().name().toLowerCase(), s.nodeId(), PolicyPrediction.mib(s.ledgerBytes())));
        }
    }

    /** One sample on; stops playing at the end. */
    public void stepForward() {
        if (index.get() + 1 >= samples.size()) {
            playing.set(false);
            return;
        }
        seek(index.get() + 1);
    }

    public void stepBack() {
        seek(index.get() - 1);
    }

    /** Starts playing, from the start when at the end. */
    public void play() {
        if (samples.isEmpty()) {
            return;
        }
        if (index.get() + 1 >= samples.size()) {
            seek(-1);
        }
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty lengthProperty() {
        return length.getReadOnlyProperty();
    }

    /** Canvas node state per node id at the replay position; empty before the step. */
    public ReadOnlyObjectProperty<Map<String, String>> statesProperty() {
        return states.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }
}
