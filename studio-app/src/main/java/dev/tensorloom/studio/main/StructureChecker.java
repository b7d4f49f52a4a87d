package dev.tensorloom.studio.main;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.PortSpec;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;

/**
 * The status bar's check until the shape validator is merged: unknown block types and unconnected
 * required inputs count as errors. Parameter counts wait for the estimates.
 */
public final class StructureChecker implements ModelChecker {
    private final BlockCatalog catalog;

    public StructureChecker(BlockCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Summary check(Document doc) {
        int errors = 0;
        for (Node n : doc.nodes()) {
            var type = catalog.find(n.type());
            if (type.isEmpty()) {
                errors++;
                continue;
            }
            for (PortSpec in : type.get().inputs()) {
                if (!in.optional() && doc.wireInto(new PortRef(n.id(), in.name())).isEmpty()) {
                    errors++;
                }
            }
        }
        String validation = doc.nodeCount() == 0 ? "Empty model"
                : errors == 0 ? "No errors" : errors + (errors == 1 ? " error" : " errors");
        return new Summary(validation, doc.nodeCount() + (doc.nodeCount() == 1 ? " block" : " blocks"));
    }
}
