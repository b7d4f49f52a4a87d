package dev.tensorloom.canvas.state;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentChange;
import dev.tensorloom.model.doc.Group;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Which level of the group nesting a canvas shows: null for the top level, else the id of the group
 * opened. Moving to another level clears the selection, since its items are not shown there; leaving
 * a group selects it, so the user sees where they came from.
 */
public final class ShownLevel {
    private final Document document;
    private final CanvasSelection selection;
    private final ReadOnlyObjectWrapper<String> scope;

    /** The property names {@code bean} (the canvas control) as its own. */
    public ShownLevel(Object bean, Document document, CanvasSelection selection) {
        this.document = document;
        this.selection = selection;
        this.scope = new ReadOnlyObjectWrapper<>(bean, "scope");
        document.addListener(change -> {
            // The open group was dissolved (or its making undone): show the level it sat in.
            if (change instanceof DocumentChange.GroupChanged g && g.after() == null
                    && g.before().id().equals(scope.get())) {
                String parent = g.before().parent();
                scope.set(parent != null && document.group(parent).isPresent() ? parent : null);
            }
        });
    }

    /** The level shown: null for the top level, else the id of the group opened. */
    public ReadOnlyObjectProperty<String> property() {
        return scope.getReadOnlyProperty();
    }

    public String get() {
        return scope.get();
    }

    /** Shows the inside of a group (null: the top level); ignored for an unknown id. */
    public void open(String groupId) {
        if (groupId == null || document.group(groupId).isPresent()) {
            selection.clear();
            scope.set(groupId);
        }
    }

    /** Shows the level the open group sits in, with that group selected; does nothing at the top level. */
    public void close() {
        String open = scope.get();
        if (open != null) {
            open(document.group(open).map(Group::parent).orElse(null));
            selection.select(List.of(open));
        }
    }
}
