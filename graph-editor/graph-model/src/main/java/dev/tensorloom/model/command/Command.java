package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;

/**
 * One undoable edit of a {@link Document}. Anchor: Scene Builder's {@code Job}.
 *
 * <p>{@link #execute} either completes or throws a {@link dev.tensorloom.model.doc.GraphEditException}
 * with a user-facing message and leaves the document exactly as it was. {@link #undo} and
 * {@link #redo} are only called by an {@link UndoStack}, on the document the command ran on.
 */
public interface Command {
    void execute(Document doc);

    void undo(Document doc);

    void redo(Document doc);

    /** What the menu shows after "Undo"/"Redo", for example {@code Connect fc1.out → relu1.in}. */
    String description();
}
