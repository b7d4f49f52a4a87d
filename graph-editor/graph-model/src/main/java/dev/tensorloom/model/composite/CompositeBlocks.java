package dev.tensorloom.model.composite;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.PortRef;
import java.util.Map;

/** Saves a group as a reusable block: builds its {@link CompositeBlockType} and registers it in the catalog. */
public final class CompositeBlocks {
    private CompositeBlocks() {
    }

    /** Registers the group of {@code doc} as block type {@code typeId}; port names default to {@code node_port}. */
    public static CompositeBlockType saveGroup(Document doc, String groupId, String typeId, BlockCatalog catalog) {
        return saveGroup(doc, groupId, typeId, Map.of(), catalog);
    }

    public static CompositeBlockType saveGroup(Document doc, String groupId, String typeId,
            Map<PortRef, String> portNames, BlockCatalog catalog) {
        CompositeBlockType composite = CompositeBlockType.fromGroup(doc, groupId, typeId, portNames, catalog);
        catalog.register(composite.blockType());
        return composite;
    }
}
