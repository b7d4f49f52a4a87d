package dev.tensorloom.model.validate;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentChange;
import dev.tensorloom.model.doc.DocumentListener;
import java.util.HashSet;
import java.util.Set;

/**
 * Keeps a {@link ShapeReport} of a document current while it is edited: listens to its changes,
 * remembers which nodes they touch, and on {@link #report()} re-infers only those and what lies
 * downstream of them ({@link ShapeInference#update}). Not thread-safe, like the document.
 */
public final class LiveShapes implements DocumentListener {
    private final Document doc;
    private final BlockCatalog catalog;
    private final Set<String> dirty = new HashSet<>();
    private ShapeReport report;

    private LiveShapes(Document doc, BlockCatalog catalog) {
        this.doc = doc;
        this.catalog = catalog;
    }

    /** Starts tracking {@code doc}; call {@link #close()} to stop listening. */
    public static LiveShapes attach(Document doc, BlockCatalog catalog) {
        LiveShapes live = new LiveShapes(doc, catalog);
        live.report = ShapeInference.run(doc, catalog);
        doc.addListener(live);
        return live;
    }

    /** The report for the document as it is now. */
    public ShapeReport report() {
        if (!dirty.isEmpty()) {
            report = ShapeInference.update(report, doc, catalog, dirty);
            dirty.clear();
        }
        return report;
    }

    /** Forgets everything, e.g. after a block type was added to or replaced in the catalog. */
    public void invalidateAll() {
        dirty.clear();
        report = ShapeInference.run(doc, catalog);
    }

    @Override
    public void documentChanged(DocumentChange change) {
        // groups and the training configuration do not affect shapes
        if (change instanceof DocumentChange.NodeAdded c) {
            dirty.add(c.node().id());
        } else if (change instanceof DocumentChange.NodeChanged c) {
            dirty.add(c.after().id());
        } else if (change instanceof DocumentChange.NodeRemoved c) {
            dirty.remove(c.node().id());
        } else if (change instanceof DocumentChange.WireAdded c) {
            dirty.add(c.wire().to().nodeId());
        } else if (change instanceof DocumentChange.WireRemoved c) {
            dirty.add(c.wire().to().nodeId());
        }
    }

    public void close() {
        doc.removeListener(this);
    }
}
