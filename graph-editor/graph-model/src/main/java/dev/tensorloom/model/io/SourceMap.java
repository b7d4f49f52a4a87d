package dev.tensorloom.model.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where each object and array of a parsed tree started in the text, and where each of their
 * values started. Keyed by container identity (not path) so that a migrator that moves an object
 * to another place keeps its locations.
 */
final class SourceMap {
    private final Map<JsonNode, JsonLocation> containers = new IdentityHashMap<>();
    private final Map<JsonNode, Map<String, JsonLocation>> values = new IdentityHashMap<>();

    void container(JsonNode node, JsonLocation start) {
        containers.put(node, start);
    }

    void value(JsonNode container, String field, JsonLocation start) {
        values.computeIfAbsent(container, k -> new HashMap<>()).put(field, start);
    }

    /** The value's location, else its container's, else null (for nodes made by a migrator). */
    JsonLocation locate(JsonNode container, String field) {
        if (container == null) {
            return null;
        }
        Map<String, JsonLocation> fields = values.get(container);
        JsonLocation at = field == null || fields == null ? null : fields.get(field);
        return at != null ? at : containers.get(container);
    }
}
