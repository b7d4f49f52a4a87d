package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The undo and redo history of one {@link Document}. Anchor: Scene Builder's {@code JobManager}.
 *
 * <p>{@link #revision()} changes on every execute, undo and redo, so views can tell the document
 * moved on. {@link #isModified()} compares the current history position with the one marked saved,
 * so undoing back to the saved state clears the "modified" marker. Pushing while a command or a
 * stack listener is running is refused: such nested edits would escape the history.
 */
public final class UndoStack {
    /** Told after the history changed: a push, undo, redo, clear or save mark. */
    @FunctionalInterface
    public interface Listener {
        void stackChanged(UndoStack stack);
    }

    /** A command on the history, with a serial number identifying the document state after it. */
    private record Entry(Command command, long serial) { }

    private static final long EMPTY_SERIAL = 0;

    private final Document document;
    private final int limit;
    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private long nextSerial = 1;
    private long revision;
    private long savedSerial = EMPTY_SERIAL;
    /** Serial of the state at the bottom of the history; changes when the limit drops old entries. */
    private long baseSerial = EMPTY_SERIAL;
    private boolean busy;

    /** A history without a size limit. */
    public UndoStack(Document document) {
        this(document, 0);
    }

    /** A history that forgets the oldest commands beyond {@code limit} (0 for no limit). */
    public UndoStack(Document document, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0");
        }
        this.document = Objects.requireNonNull(document, "document");
        this.limit = limit;
    }

    public Document document() {
        return document;
    }

    /**
     * Executes the command and records it; clears the redo history. If the command refuses (a
     * {@link dev.tensorloom.model.doc.GraphEditException}), the document and history are unchanged.
     */
    public void push(Command command) {
        Objects.requireNonNull(command, "command");
        enter("push '" + command.description() + "'");
        try {
            command.execute(document);
            undo.push(new Entry(command, nextSerial++));
            redo.clear();
            trimToLimit();
            revision++;
            notifyListeners();
        } finally {
            busy = false;
        }
    }

    public void undo() {
        if (!canUndo()) {
            throw new IllegalStateException("nothing to undo");
        }
        enter("undo");
        try {
            Entry entry = undo.peek();
            entry.command().undo(document);
            redo.push(undo.pop());
            revision++;
            notifyListeners();
        } finally {
            busy = false;
        }
    }

    public void redo() {
        if (!canRedo()) {
            throw new IllegalStateException("nothing to redo");
        }
        enter("redo");
        try {
            Entry entry = redo.peek();
            entry.command().redo(document);
            undo.push(redo.pop());
            revision++;
            notifyListeners();
        } finally {
            busy = false;
        }
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Description of the command {@link #undo()} would undo. */
    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peek()).map(e -> e.command().description());
    }

    /** Description of the command {@link #redo()} would redo. */
    public Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peek()).map(e -> e.command().description());
    }

    /** Changes on every execute, undo and redo; never repeats. */
    public long revision() {
        return revision;
    }

    /** Marks the current state as the one on disk. */
    public void markSaved() {
        savedSerial = currentSerial();
        notifyListeners();
    }

    /** True when the document differs from the state last marked saved (or from the start if never saved). */
    public boolean isModified() {
        return currentSerial() != savedSerial;
    }

    /** Forgets the whole history, for example after loading another file; the current state counts as saved. */
    public void clear() {
        enter("clear");
        try {
            undo.clear();
            redo.clear();
            baseSerial = nextSerial++;
            savedSerial = baseSerial;
            notifyListeners();
        } finally {
            busy = false;
        }
    }

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private long currentSerial() {
        Entry top = undo.peek();
        return top == null ? baseSerial : top.serial();
    }

    private void enter(String what) {
        if (busy) {
            throw new IllegalStateException("cannot " + what + " while another command is running");
        }
        busy = true;
    }

    private void trimToLimit() {
        while (limit > 0 && undo.size() > limit) {
            baseSerial = undo.removeLast().serial();
        }
    }

    private void notifyListeners() {
        for (Listener l : listeners) {
            l.stackChanged(this);
        }
    }
}
