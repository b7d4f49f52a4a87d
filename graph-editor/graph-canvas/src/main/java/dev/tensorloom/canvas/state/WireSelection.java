package dev.tensorloom.canvas.state;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentChange;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * The canvas's selected wire, kept apart from the selected nodes but never beside them: selecting a node
 * clears the wire (and {@link CanvasSelection#selectWire} clears the nodes), and a wire that leaves the document
 * (deleted, undone, its node removed) leaves the selection.
 */
final class WireSelection {
    private final ReadOnlyObjectWrapper<String> selected = new ReadOnlyObjectWrapper<>(this, "selectedWire");

    WireSelection(Document document, ObservableSet<String> nodes) {
        nodes.addListener((SetChangeListener<String>) c -> {
            if (c.wasAdded()) {
                selected.set(null);
            }
        });
        document.addListener(change -> {
            if (change instanceof DocumentChange.WireRemoved r && r.wire().id().equals(selected.get())) {
                selected.set(null);
            }
        });
    }

    ReadOnlyObjectProperty<String> property() {
        return selected.getReadOnlyProperty();
    }

    void set(String wireId) {
        selected.set(wireId);
    }
}
