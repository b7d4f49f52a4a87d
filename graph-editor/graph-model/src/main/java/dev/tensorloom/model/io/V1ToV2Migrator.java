package dev.tensorloom.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Version 1 kept {@code nodes}, {@code wires} and {@code groups} as top-level arrays of objects
 * with an {@code id} field, wires with {@code source}/{@code target}, node positions as {@code x}/{@code y}
 * inside each node, and had no training section. Version 2 keys everything by id under
 * {@code graph}, renames wire ends to {@code from}/{@code to} and moves positions to {@code layout}.
 */
public final class V1ToV2Migrator implements Migrator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public int from() {
        return 1;
    }

    @Override
    public JsonNode migrate(ObjectNode root) {
        ObjectNode graph = NODES.objectNode();
        ObjectNode layout = NODES.objectNode();
        ObjectNode nodes = graph.putObject("nodes");
        for (ObjectNode node : entries(root, "nodes")) {
            String id = takeId(node, nodes);
            JsonNode x = node.remove("x");
            JsonNode y = node.remove("y");
            if (x != null || y != null) {
                ObjectNode at = layout.putObject(id);
                at.set("x", x == null ? NODES.numberNode(0.0) : x);
                at.set("y", y == null ? NODES.numberNode(0.0) : y);
            }
            nodes.set(id, node);
        }
        ObjectNode wires = graph.putObject("wires");
        for (ObjectNode wire : entries(root, "wires")) {
            String id = takeId(wire, wires);
            rename(wire, "source", "from");
            rename(wire, "target", "to");
            wires.set(id, wire);
        }
        ObjectNode groups = graph.putObject("groups");
        for (ObjectNode group : entries(root, "groups")) {
            groups.set(takeId(group, groups), group);
        }
        ObjectNode out = NODES.objectNode();
        out.put("formatVersion", 2);
        if (root.has("name")) {
            out.set("name", root.get("name"));
        }
        out.set("graph", graph);
        out.set("layout", layout);
        return out;
    }

    private static List<ObjectNode> entries(ObjectNode root, String field) {
        JsonNode array = root.get(field);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!(array instanceof ArrayNode)) {
            throw new FormatProblem("'" + field + "' must be a list in a version 1 file", root, field);
        }
        List<ObjectNode> out = new java.util.ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof ObjectNode object)) {
                throw new FormatProblem("each entry of '" + field + "' must be an object", array, Integer.toString(i));
            }
            out.add(object);
        }
        return out;
    }

    private static String takeId(ObjectNode entry, ObjectNode alreadyMigrated) {
        JsonNode id = entry.get("id");
        if (id == null || !id.isTextual() || id.asText().isEmpty()) {
            throw new FormatProblem("each entry needs a text 'id'", entry, id == null ? null : "id");
        }
        if (alreadyMigrated.has(id.asText())) {
            throw new FormatProblem("duplicate id '" + id.asText() + "'", entry, "id");
        }
        entry.remove("id");
        return id.asText();
    }

    private static void rename(ObjectNode entry, String from, String to) {
        JsonNode value = entry.remove(from);
        if (value != null) {
            entry.set(to, value);
        }
    }
}
