package dev.tensorloom.studio.run;

import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GraphChanges;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The edits made to the project while a run trains the copy it started with: which blocks are not in this
 * run, and a sentence that says so. The graph stays editable during a run (the next run is often being
 * prepared); these marks tell the user which graph is training. Cleared when the run ends.
 */
public final class UntrainedEdits {
    private final Document document;
    private final ReadOnlyObjectWrapper<GraphChanges> changes = new ReadOnlyObjectWrapper<>(GraphChanges.NONE);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    /** The copy the active run trains; null when no run is active. */
    private Document trained;

    /** Follows {@code undoStack}'s edits of {@code document} while {@code state} is an active run. */
    public UntrainedEdits(Document document, UndoStack undoStack, ObservableValue<RunState> state) {
        this.document = Objects.requireNonNull(document);
        undoStack.addListener(s -> update());
        state.addListener((o, before, after) -> {
            if (!after.active()) {
                trained = null;
                update();
            }
        });
    }

    /** A run started (or continued) training {@code copy}, a copy of the project as it is now. */
    void track(Document copy) {
        trained = Objects.requireNonNull(copy);
        update();
    }

    private void update() {
        GraphChanges now = trained == null ? GraphChanges.NONE : GraphChanges.between(trained, document);
        // The notice first: it follows from the changes, so a listener of the changes reads it current.
        notice.set(now.any() ? "Not in this run: " + now.summary()
                + " since it started (marked). The run trains the graph as it was; Start again to train these edits."
                : "");
        changes.set(now);
    }

    /**
     * The blocks changed since the active run started; {@link GraphChanges#NONE} when none or no run. The notice is
     * already current when this changes.
     */
    public ReadOnlyObjectProperty<GraphChanges> changesProperty() {
        return changes.getReadOnlyProperty();
    }

    /** One sentence for the editor while edits are not in the run; empty otherwise. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
