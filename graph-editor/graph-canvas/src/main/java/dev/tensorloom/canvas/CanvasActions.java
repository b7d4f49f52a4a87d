package dev.tensorloom.canvas;

import dev.tensorloom.canvas.state.CanvasSelection;
import dev.tensorloom.canvas.state.ShownLevel;
import dev.tensorloom.canvas.view.CanvasItems;
import dev.tensorloom.model.command.Connect;
import dev.tensorloom.model.composite.InsertBlock;
import dev.tensorloom.model.composite.SavedBlock;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GraphEditException;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.geometry.Point2D;

/**
 * The canvas's edits of the selection and the level shown (the Edit menu's actions): each pushes at most one
 * command through {@link CanvasEditing}, selects what it made, and turns a refusal into a message for the user
 * instead of an exception.
 */
final class CanvasActions {
    private final Document document;
    private final CanvasEditing editing;
    private final ConnectionRules rules;
    private final CanvasSelection selection;
    private final ShownLevel level;
    /** Reports a refusal: its text, and the port it is about (null: none). */
    private final BiConsumer<String, PortRef> refused;

    CanvasActions(Document document, CanvasEditing editing, ConnectionRules rules, CanvasSelection selection,
            ShownLevel level, BiConsumer<String, PortRef> refused) {
        this.document = document;
        this.editing = editing;
        this.rules = rules;
        this.selection = selection;
        this.level = level;
        this.refused = refused;
    }

    void deleteSelection() {
        String wire = selection.wireProperty().get();
        if (wire != null) {
            editing.disconnect(wire);
            return;
        }
        attempt(() -> {
            editing.delete(CanvasItems.memberIds(document, selection.items()));
            return null;
        });
    }

    String copySelection() {
        Set<String> ids = CanvasItems.memberIds(document, selection.items());
        return ids.isEmpty() ? "" : editing.copy(ids);
    }

    boolean paste(String json) {
        return selectMade(attempt(() -> editing.paste(json, level.get())));
    }

    void groupSelection() {
        String made = attempt(() -> editing.group(selection.items()));
        selectMade(made == null ? null : Set.of(made));
    }

    void ungroupSelection() {
        attempt(() -> editing.ungroup(selection.items()));
    }

    String addNode(String typeId, Point2D at) {
        String id = attempt(() -> editing.add(typeId, new Position(at.getX(), at.getY()), level.get()));
        selectMade(id == null ? null : Set.of(id));
        return id;
    }

    String insertBlock(SavedBlock block, Point2D at) {
        String id = attempt(() -> {
            InsertBlock insert = new InsertBlock(block, new Position(at.getX(), at.getY()), level.get());
            editing.push(insert);
            return insert.groupId();
        });
        selectMade(id == null ? null : Set.of(id));
        return id;
    }

    boolean connect(PortRef from, PortRef to, ConnectionCheck check) {
        Optional<String> refusal = rules.refusal(from, to, check);
        try {
            if (refusal.isEmpty()) {
                editing.push(new Connect(from, to));
                return true;
            }
        } catch (GraphEditException e) {
            refusal = Optional.of(e.getMessage());
        }
        refused.accept(refusal.get(), to);
        return false;
    }

    /** Selects the items an edit made; false when it was refused (null). */
    private boolean selectMade(Set<String> made) {
        if (made != null) {
            selection.select(made);
        }
        return made != null;
    }

    /** Runs an edit; a refused edit becomes a message and yields null. */
    <T> T attempt(Supplier<T> edit) {
        try {
            return edit.get();
        } catch (GraphEditException e) {
            refused.accept(e.getMessage(), null);
            return null;
        }
    }
}
