package dev.tensorloom.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The chain of migrators that brings a tree of any supported version up to {@link ProjectFormat#CURRENT_VERSION}. */
public final class Migrations {
    private static final List<Migrator> CHAIN = List.of(new V1ToV2Migrator(), new V2ToV3Migrator());

    private Migrations() {
    }

    /** Applies every migrator from {@code version} on; the result has the current format version. */
    public static ObjectNode toCurrent(ObjectNode root, int version) {
        ObjectNode tree = root;
        for (int v = version; v < ProjectFormat.CURRENT_VERSION; v++) {
            Migrator step = CHAIN.get(v - 1);
            if (step.from() != v) {
                throw new IllegalStateException("migrator chain is out of order at version " + v);
            }
            JsonNode next = step.migrate(tree);
            if (!(next instanceof ObjectNode object)) {
                throw new IllegalStateException("migrator from version " + v + " did not return an object");
            }
            tree = object;
        }
        return tree;
    }
}
