package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.measure.MeasurementProgress;
import dev.tensorloom.studio.task.TaskExecutor;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

/**
 * The memory measurement in flight, for the view's progress bar: the phase it is in, in words, the share of its
 * phases behind it (phases, not time), and Cancel, which stops it at the next phase (a phase itself runs to its
 * end: the measurement runs in libtorch, which cannot be interrupted mid-step).
 */
public final class MeasuringViewModel {
    static final String NO_MEASUREMENT = "No measurement yet: press “Measure none vs policy”";

    private final TaskExecutor tasks;
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper done = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper chartNotice = new ReadOnlyStringWrapper(NO_MEASUREMENT);
    /** The running measurement's cancel flag (UI thread); null when none runs. */
    private AtomicBoolean current;

    MeasuringViewModel(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    /** Starts following a measurement (UI thread); what it returns is called on the measuring thread. */
    MeasurementProgress start(String policy) {
        AtomicBoolean cancelled = new AtomicBoolean();
        current = cancelled;
        chartNotice.set("Measuring none and " + policy + "…");
        phase.set("starting (checking and compiling the graph)");
        done.set(0);
        return (words, share) -> {
            if (cancelled.get()) {
                throw new CancellationException("the memory measurement was cancelled");
            }
            tasks.ui(() -> {
                if (current == cancelled && !cancelled.get()) {
                    phase.set(words);
                    done.set(share);
                }
            });
        };
    }

    /** Stops the running measurement at its next phase. */
    public void cancel() {
        if (current != null && !current.getAndSet(true)) {
            phase.set("cancelling after " + phase.get());
        }
    }

    /** The measurement ended (UI thread), one way or another. */
    void finished() {
        current = null;
        chartNotice.set(NO_MEASUREMENT);
        phase.set("");
        done.set(0);
    }

    /**
     * Whether the measurement shown is of another policy than the one picked now: it stays on screen, but
     * for the policy it measured.
     */
    static ReadOnlyBooleanProperty stale(ObservableValue<?> analysis, ObservableStringValue measured,
            ObservableStringValue picked) {
        ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();
        stale.bind(Bindings.createBooleanBinding(() -> analysis.getValue() != null
                && !picked.get().equals(measured.get()), analysis, measured, picked));
        return stale.getReadOnlyProperty();
    }

    /** Whether {@code e} (or what it wraps) is this view model's cancellation. */
    static boolean isCancellation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CancellationException) {
                return true;
            }
        }
        return false;
    }

    /** What the measurement does now, in words; empty when none runs. */
    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** What the empty timeline says: how to measure, or that it is measuring. */
    public ReadOnlyStringProperty chartNoticeProperty() {
        return chartNotice.getReadOnlyProperty();
    }

    /** The share of the measurement's phases done, 0 to 1. */
    public ReadOnlyDoubleProperty doneProperty() {
        return done.getReadOnlyProperty();
    }
}
