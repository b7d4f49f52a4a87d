package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;

/**
 * Base of the concrete commands: a subclass only says how to perform its edit with the document's
 * primitive mutators; undo and redo replay the recorded changes, and a failed edit is rolled back.
 */
public abstract class RecordedCommand implements Command {
    private ChangeLog log;
    private Document target;

    /** Performs the edit; throw {@link dev.tensorloom.model.doc.GraphEditException} to refuse it. */
    protected abstract void perform(Document doc);

    @Override
    public final void execute(Document doc) {
        if (log != null) {
            throw new IllegalStateException("'" + description() + "' was already executed; use redo");
        }
        log = ChangeLog.record(doc, () -> perform(doc));
        target = doc;
    }

    @Override
    public final void undo(Document doc) {
        requireExecutedOn(doc).revert(doc);
    }

    @Override
    public final void redo(Document doc) {
        requireExecutedOn(doc).replay(doc);
    }

    /** True when executing changed nothing (for example moving nodes to where they already are). */
    public boolean changedNothing() {
        return log != null && log.isEmpty();
    }

    private ChangeLog requireExecutedOn(Document doc) {
        if (log == null || target != doc) {
            throw new IllegalStateException("'" + description() + "' was not executed on this document");
        }
        return log;
    }
}
