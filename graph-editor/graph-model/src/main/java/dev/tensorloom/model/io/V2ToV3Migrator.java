package dev.tensorloom.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Version 3 lets groups nest ({@code parent}) and remember the saved block they were made from
 * ({@code block}), and embeds the saved blocks a project uses under {@code blocks}. A version 2 file has
 * none of these: its groups are top-level and made from no block, so only the version number changes.
 */
public final class V2ToV3Migrator implements Migrator {
    @Override
    public int from() {
        return 2;
    }

    @Override
    public JsonNode migrate(ObjectNode root) {
        root.put("formatVersion", 3);
        return root;
    }
}
