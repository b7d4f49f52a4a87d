package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentChange;
import dev.tensorloom.model.doc.DocumentListener;
import java.util.ArrayList;
import java.util.List;

/**
 * The primitive changes one command made, recorded from the document's own events. Replaying them
 * backwards undoes the command exactly and replaying them forwards redoes it exactly, so no command
 * has to hand-write (and get subtly wrong) its own inverse.
 */
final class ChangeLog {
    private final List<DocumentChange> changes = new ArrayList<>();

    /** Runs {@code edit} while recording; if it throws, restores the document and rethrows. */
    static ChangeLog record(Document doc, Runnable edit) {
        Document.Snapshot before = doc.snapshot();
        ChangeLog log = new ChangeLog();
        DocumentListener recorder = log.changes::add;
        doc.addListener(recorder);
        try {
            edit.run();
        } catch (RuntimeException | Error e) {
            doc.removeListener(recorder);
            DocumentRestorer.restore(doc, before).forEach(e::addSuppressed);
            throw e;
        }
        doc.removeListener(recorder);
        return log;
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    void revert(Document doc) {
        for (int i = changes.size() - 1; i >= 0; i--) {
            applyInverse(doc, changes.get(i));
        }
    }

    void replay(Document doc) {
        for (DocumentChange c : changes) {
            apply(doc, c);
        }
    }

    // Java 17 has no pattern switch, hence the instanceof chains.
    private static void apply(Document doc, DocumentChange change) {
        if (change instanceof DocumentChange.NodeAdded c) {
            doc.addNode(c.node());
        } else if (change instanceof DocumentChange.NodeRemoved c) {
            doc.removeNode(c.node().id());
        } else if (change instanceof DocumentChange.NodeChanged c) {
            doc.replaceNode(c.after());
        } else if (change instanceof DocumentChange.WireAdded c) {
            doc.addWire(c.wire());
        } else if (change instanceof DocumentChange.WireRemoved c) {
            doc.removeWire(c.wire().id());
        } else if (change instanceof DocumentChange.GroupChanged c) {
            if (c.after() == null) {
                doc.removeGroup(c.before().id());
            } else {
                doc.putGroup(c.after());
            }
        } else if (change instanceof DocumentChange.ConfigChanged c) {
            doc.setConfig(c.after());
        }
    }

    private static void applyInverse(Document doc, DocumentChange change) {
        if (change instanceof DocumentChange.NodeAdded c) {
            doc.removeNode(c.node().id());
        } else if (change instanceof DocumentChange.NodeRemoved c) {
            doc.addNode(c.node());
        } else if (change instanceof DocumentChange.NodeChanged c) {
            doc.replaceNode(c.before());
        } else if (change instanceof DocumentChange.WireAdded c) {
            doc.removeWire(c.wire().id());
        } else if (change instanceof DocumentChange.WireRemoved c) {
            doc.addWire(c.wire());
        } else if (change instanceof DocumentChange.GroupChanged c) {
            if (c.before() == null) {
                doc.removeGroup(c.after().id());
            } else {
                doc.putGroup(c.before());
            }
        } else if (change instanceof DocumentChange.ConfigChanged c) {
            doc.setConfig(c.before());
        }
    }
}
