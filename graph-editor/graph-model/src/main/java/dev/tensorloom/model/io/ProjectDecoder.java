package dev.tensorloom.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.GraphEditException;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.TrainingConfig;
import dev.tensorloom.model.doc.Wire;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a current-version tree and builds the {@link Document}: types of every field, id and port
 * reference syntax, groups and wire ends that exist, no cycles, no input fed twice, sane training
 * numbers. Block types and port names are not checked here; the validator knows the catalog.
 * Unknown fields are ignored, so a file from a later build of the same version still loads; the reader
 * reports each as a warning ({@link UnknownFields}).
 */
final class ProjectDecoder {
    private static final TrainingConfig D = TrainingConfig.DEFAULT;

    private ProjectDecoder() {
    }

    static Project decode(ObjectNode root, String defaultName) {
        TreeFields top = new TreeFields(root, "");
        String name = top.text("name", defaultName);
        Document doc = graph(top.object("graph", false), top.object("layout", false));
        doc.setConfig(training(top.object("training", false)));
        return new Project(name, doc, SavedBlocks.decode(top.object("blocks", false)));
    }

    /** The nodes, wires, groups and node places of a graph section (a project's, or a saved block's). */
    static Document graph(TreeFields graph, TreeFields layout) {
        Document doc = new Document();
        TreeFields groups = graph.object("groups", false);
        for (String id : groups.names()) {
            TreeFields g = entry(groups, id);
            String parent = g.nullableText("parent");
            if (id.equals(parent)) {
                throw g.fail("parent", "group '" + id + "' is nested in itself");
            }
            doc.putGroup(new Group(id, g.text("label", id), g.bool("collapsed", false), parent, g.nullableText("block")));
        }
        for (String id : groups.names()) {
            checkNesting(doc, groups, id);
        }
        TreeFields nodes = graph.object("nodes", false);
        for (String id : nodes.names()) {
            if (id.isEmpty() || id.contains(".")) {
                throw nodes.problem(id, "is not a valid node id (it must be non-empty and contain no '.')");
            }
            doc.addNode(node(id, entry(nodes, id), doc));
        }
        for (String id : layout.names()) {
            TreeFields at = entry(layout, id);
            Node n = doc.node(id).orElseThrow(() -> layout.fail(id, "layout names unknown node '" + id + "'"));
            doc.replaceNode(n.withPosition(new Position(at.number("x", null), at.number("y", null))));
        }
        TreeFields wires = graph.object("wires", false);
        for (String id : wires.names()) {
            addWire(doc, id, entry(wires, id));
        }
        return doc;
    }

    /** A group's parent must exist, and following parents must never come back to the group. */
    private static void checkNesting(Document doc, TreeFields groups, String id) {
        String parent = doc.group(id).orElseThrow().parent();
        if (parent != null && doc.group(parent).isEmpty()) {
            throw entry(groups, id).fail("parent", "group '" + id + "' sits in unknown group '" + parent + "'");
        }
        Set<String> seen = new HashSet<>(List.of(id));
        for (String p = parent; p != null; p = doc.group(p).orElseThrow().parent()) {
            if (!seen.add(p)) {
                throw entry(groups, id).fail("parent", "group '" + id + "' is nested in itself (through '" + parent + "')");
            }
        }
    }

    static TreeFields entry(TreeFields parent, String id) {
        if (!(parent.node().get(id) instanceof ObjectNode)) {
            throw parent.problem(id, "must be an object, not " + TreeFields.describe(parent.node().get(id)));
        }
        return parent.object(id, true);
    }

    private static Node node(String id, TreeFields f, Document doc) {
        String type = f.text("type", null);
        if (type.isBlank()) {
            throw f.problem("type", "must not be empty");
        }
        String group = f.nullableText("group");
        if (group != null && doc.group(group).isEmpty()) {
            throw f.fail("group", "node '" + id + "' is in unknown group '" + group + "'");
        }
        TreeFields params = f.object("params", false);
        Map<String, Object> values = new TreeMap<>();
        for (String p : params.names()) {
            values.put(p, paramValue(params, p, params.node().get(p)));
        }
        return new Node(id, type, f.text("label", id), values, Position.ORIGIN, group);
    }

    private static Object paramValue(TreeFields owner, String name, JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>(v.size());
            for (JsonNode item : v) {
                list.add(paramValue(owner, name, item));
            }
            return List.copyOf(list);
        }
        throw owner.problem(name, "must be a number, text, true/false or a list of those, not " + TreeFields.describe(v));
    }

    private static void addWire(Document doc, String id, TreeFields f) {
        PortRef from = port(f, "from");
        PortRef to = port(f, "to");
        if (!doc.containsNode(from.nodeId())) {
            throw f.fail("from", "wire '" + id + "' starts at unknown node '" + from.nodeId() + "'");
        }
        if (!doc.containsNode(to.nodeId())) {
            throw f.fail("to", "wire '" + id + "' ends at unknown node '" + to.nodeId() + "'");
        }
        try {
            doc.addWire(new Wire(id, from, to));
        } catch (GraphEditException refused) {
            throw f.fail("to", "wire '" + id + "': " + refused.getMessage());
        }
    }

    private static PortRef port(TreeFields f, String field) {
        String ref = f.text(field, null);
        try {
            return PortRef.parse(ref);
        } catch (IllegalArgumentException e) {
            throw f.fail(field, "wire end '" + ref + "' of " + f.where(field) + " is not a port reference (expected node.port)");
        }
    }

    private static TrainingConfig training(TreeFields t) {
        int maxInt = Integer.MAX_VALUE;
        double learningRate = t.number("learningRate", D.learningRate());
        if (!(learningRate > 0 && learningRate <= 10)) {
            throw t.problem("learningRate", "must be above 0 and at most 10, not " + learningRate);
        }
        double weightDecay = nonNegative(t, "weightDecay", D.weightDecay());
        double momentum = nonNegative(t, "momentum", D.momentum());
        if (momentum >= 1) {
            throw t.problem("momentum", "must be below 1, not " + momentum);
        }
        double gradientClip = nonNegative(t, "gradientClip", D.gradientClip());
        return new TrainingConfig(t.text("dataset", D.dataset()), t.text("optimizer", D.optimizer()), learningRate,
                t.text("schedule", D.schedule()), (int) t.whole("warmupSteps", D.warmupSteps(), 0, maxInt),
                weightDecay, momentum, gradientClip,
                (int) t.whole("batchSize", D.batchSize(), 1, TrainingConfig.MAX_BATCH_SIZE),
                (int) t.whole("steps", D.steps(), 0, maxInt),
                (int) t.whole("epochs", D.epochs(), 0, 1_000_000),
                (int) t.whole("evalEvery", D.evalEvery(), 0, maxInt),
                t.whole("seed", D.seed(), Long.MIN_VALUE, Long.MAX_VALUE),
                t.text("device", D.device()), t.text("checkpointPolicy", D.checkpointPolicy()));
    }

    private static double nonNegative(TreeFields t, String name, double fallback) {
        double v = t.number(name, fallback);
        if (v < 0) {
            throw t.problem(name, "must not be negative, not " + v);
        }
        return v;
    }
}
