package dev.tensorloom.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the fields of a current-version project tree that Tensorloom does not know: a typo
 * ({@code "lable"}), a field from another tool, or one from a later build. The decoder ignores them, so a
 * save would drop them; the reader reports each with its path ({@code graph.nodes.fc1.colour}) so the user
 * hears about it before that happens. Node parameters are not checked here: which exist depends on the
 * block type, and the validator reports unknown ones.
 */
final class UnknownFields {
    /** One unknown field: where it sits in the tree (for its line and column) and its path. */
    record Found(ObjectNode container, String field, String path) {
    }

    private static final Set<String> TOP = Set.of("formatVersion", "name", "graph", "layout", "training");
    private static final Set<String> GRAPH = Set.of("nodes", "wires", "groups");
    private static final Set<String> NODE = Set.of("type", "label", "params", "group");
    private static final Set<String> WIRE = Set.of("from", "to");
    private static final Set<String> GROUP = Set.of("label", "collapsed");
    private static final Set<String> POSITION = Set.of("x", "y");
    private static final Set<String> TRAINING = Set.of("dataset", "optimizer", "learningRate", "schedule",
            "warmupSteps", "weightDecay", "momentum", "gradientClip", "batchSize", "steps", "epochs", "evalEvery",
            "seed", "device", "checkpointPolicy");
    /** For each known object field, what its entries (keyed by id) may hold. */
    private static final Map<String, Set<String>> ENTRIES = Map.of("nodes", NODE, "wires", WIRE, "groups", GROUP);

    private UnknownFields() {
    }

    /** Every unknown field of {@code root}, in file order. */
    static List<Found> in(ObjectNode root) {
        List<Found> found = new ArrayList<>();
        check(root, "", TOP, found);
        if (root.get("graph") instanceof ObjectNode graph) {
            check(graph, "graph", GRAPH, found);
            for (Map.Entry<String, Set<String>> kind : ENTRIES.entrySet()) {
                entries(graph.get(kind.getKey()), "graph." + kind.getKey(), kind.getValue(), found);
            }
        }
        entries(root.get("layout"), "layout", POSITION, found);
        if (root.get("training") instanceof ObjectNode training) {
            check(training, "training", TRAINING, found);
        }
        return found;
    }

    private static void entries(JsonNode holder, String path, Set<String> known, List<Found> found) {
        if (!(holder instanceof ObjectNode entries)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue() instanceof ObjectNode entry) {
                check(entry, path + "." + e.getKey(), known, found);
            }
        }
    }

    private static void check(ObjectNode object, String path, Set<String> known, List<Found> found) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!known.contains(name)) {
                found.add(new Found(object, name, path.isEmpty() ? name : path + "." + name));
            }
        }
    }
}
