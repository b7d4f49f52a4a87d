package dev.tensorloom.studio.problems;

import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.validate.Problem;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The problems list: the latest background check's problems, errors first; the worst severity (for the status
 * bar's icon); the input ports whose wires are at fault (for the canvas); and the jump from an entry to its node.
 * Fed on the FX thread by whoever runs the check; the jump goes through a callback, so this never sees the canvas.
 */
public final class ProblemsViewModel {
    private final ObservableList<ProblemEntry> problems = FXCollections.observableArrayList();
    // One read-only view, kept: a fresh wrapper per call is held only weakly by the list it wraps.
    private final ObservableList<ProblemEntry> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyBooleanWrapper any = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Problem.Severity> worst = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Set<PortRef>> faultyInputs = new ReadOnlyObjectWrapper<>(Set.of());
    private Consumer<String> reveal = id -> { };

    /** Takes a check's findings; the list changes only when they did, so a selection in it survives re-checks. */
    public void update(List<ProblemEntry> latest) {
        List<ProblemEntry> sorted = latest.stream()
                .sorted(Comparator.comparing(ProblemEntry::severity)).toList();
        if (!sorted.equals(problems)) {
            problems.setAll(sorted);
        }
        any.set(!sorted.isEmpty());
        worst.set(sorted.isEmpty() ? null : sorted.get(0).severity());
        Set<PortRef> inputs = sorted.stream().map(ProblemEntry::faultyInput).filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
        if (!inputs.equals(faultyInputs.get())) {
            faultyInputs.set(inputs);
        }
    }

    /** What brings a node into view (select it, centre on it); set by the window that owns the canvas. */
    public void setReveal(Consumer<String> reveal) {
        this.reveal = Objects.requireNonNull(reveal);
    }

    /** Shows the entry's node: selected and in view. An entry for the whole model has none, and does nothing. */
    public void jumpTo(ProblemEntry entry) {
        if (entry != null && entry.nodeId() != null) {
            reveal.accept(entry.nodeId());
        }
    }

    /** Errors first, then warnings, each in the checker's order. */
    public ObservableList<ProblemEntry> problems() {
        return problemsView;
    }

    /** True while the list has entries: only then does the status bar open it. */
    public ReadOnlyBooleanProperty anyProperty() {
        return any.getReadOnlyProperty();
    }

    /** The most severe entry's severity, or null when there is none. */
    public ReadOnlyObjectProperty<Problem.Severity> worstProperty() {
        return worst.getReadOnlyProperty();
    }

    /** The input ports whose incoming wires are at fault: the canvas marks those wires. */
    public ReadOnlyObjectProperty<Set<PortRef>> faultyInputsProperty() {
        return faultyInputs.getReadOnlyProperty();
    }
}
