package dev.tensorloom.canvas.state;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentChange;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * What is selected on a canvas: items (nodes, and collapsed groups shown as one node) or one wire,
 * never both. Ids of items that leave the document leave the selection, so a later Delete or Copy
 * never acts on something gone.
 */
public final class CanvasSelection {
    private final Document document;
    private final ObservableSet<String> items = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<String> itemsView = FXCollections.unmodifiableObservableSet(items);
    private final WireSelection wire;

    public CanvasSelection(Document document) {
        this.document = document;
        this.wire = new WireSelection(document, items);
        document.addListener(change -> {
            if (change instanceof DocumentChange.NodeRemoved r) {
                items.remove(r.node().id());
            } else if (change instanceof DocumentChange.GroupChanged g && g.after() == null) {
                items.remove(g.before().id());
            }
        });
    }

    /** The selected item ids, read-only. */
    public ObservableSet<String> items() {
        return itemsView;
    }

    /** Replaces the selected items with these ids (unknown ids are ignored). */
    public void select(Collection<String> ids) {
        Set<String> known = new LinkedHashSet<>();
        for (String id : ids) {
            if (document.containsNode(id) || document.group(id).isPresent()) {
                known.add(id);
            }
        }
        items.retainAll(known);
        items.addAll(known);
    }

    /** Adds or removes one item (Ctrl-click). */
    public void toggle(String id) {
        if (!items.remove(id)) {
            Set<String> all = new LinkedHashSet<>(items);
            all.add(id);
            select(all);
        }
    }

    /** Clears the selected items and the selected wire. */
    public void clear() {
        items.clear();
        wire.set(null);
    }

    /** The selected wire's id, or null. */
    public ReadOnlyObjectProperty<String> wireProperty() {
        return wire.property();
    }

    /** Selects one wire instead of any items; an unknown id just clears the selection. */
    public void selectWire(String wireId) {
        clear();
        if (wireId != null && document.wire(wireId).isPresent()) {
            wire.set(wireId);
        }
    }
}
