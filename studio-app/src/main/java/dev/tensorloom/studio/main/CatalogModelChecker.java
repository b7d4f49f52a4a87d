package dev.tensorloom.studio.main;

import dev.tensorloom.canvas.view.NodeAnnotation;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.composite.GroupPorts;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.GroupTree;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.validate.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.estimate.Estimates;
import dev.tensorloom.model.estimate.Units;
import dev.tensorloom.model.validate.ShapeInference;
import dev.tensorloom.model.validate.ShapeReport;
import dev.tensorloom.model.validate.ValidationSummary;
import dev.tensorloom.model.validate.Validator;
import dev.tensorloom.studio.problems.ProblemEntry;

/**
 * The background check: shape inference, validation ("2 errors, 1 warning") and the parameter count
 * for the status bar, per-node badges, output shapes and problems for the canvas, and the problems list.
 */
public final class CatalogModelChecker implements ModelChecker {
    private final BlockCatalog catalog;

    public CatalogModelChecker(BlockCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Summary check(Document doc) {
        if (doc.nodeCount() == 0) {
            return new Summary("Empty model", "");
        }
        ShapeReport shapes = ShapeInference.run(doc, catalog);
        List<Problem> problems = Validator.validate(doc, catalog, shapes);
        ValidationSummary summary = ValidationSummary.of(problems);
        Estimates estimates = Estimates.compute(doc, catalog, shapes);
        // An incomplete sum is a lower bound, and the "≥" says so rather than showing a wrong total.
        String params = (estimates.complete() ? "" : "≥ ") + Units.params(estimates.total().parameters());
        return new Summary(summary.text(), params, annotations(doc, shapes, problems, estimates),
                problems.stream().map(p -> ProblemEntry.of(doc, p)).toList());
    }

    /** Per node: its parameter count, the shape of each output, and its problems. */
    private static Map<String, NodeAnnotation> annotations(Document doc, ShapeReport shapes, List<Problem> problems,
            Estimates estimates) {
        Map<String, List<String>> byNode = new HashMap<>();
        for (Problem p : problems) {
            if (p.nodeId() != null) {
                byNode.computeIfAbsent(p.nodeId(), k -> new ArrayList<>()).add(p.message());
            }
        }
        Map<String, NodeAnnotation> out = new HashMap<>();
        for (Node n : doc.nodes()) {
            long count = estimates.of(n.id()).map(e -> e.parameters()).orElse(0L);
            Map<String, String> outputs = new TreeMap<>();
            shapes.outputs(n.id()).forEach((port, type) -> outputs.put(port, type.toString()));
            // The badge is small: "50.1 k" rather than "50.1 k params".
            String badge = count > 0 ? Units.params(count).replaceFirst(" params?$", "") : "";
            out.put(n.id(), new NodeAnnotation(badge, "", outputs,
                    byNode.getOrDefault(n.id(), List.of())));
        }
        for (Group g : doc.groups()) {
            out.put(g.id(), groupAnnotation(doc, g.id(), shapes, byNode, estimates));
        }
        return out;
    }

    /**
     * A group shown as one block: the parameters of everything inside, the shape at each of its outputs (the
     * inner port it stands for), and the problems of the nodes inside, each named.
     */
    private static NodeAnnotation groupAnnotation(Document doc, String groupId, ShapeReport shapes,
            Map<String, List<String>> byNode, Estimates estimates) {
        long count = 0;
        List<String> problems = new ArrayList<>();
        for (String m : GroupTree.allMembers(doc, groupId)) {
            count += estimates.of(m).map(e -> e.parameters()).orElse(0L);
            byNode.getOrDefault(m, List.of()).forEach(p -> problems.add(m + ": " + p));
        }
        Map<String, String> outputs = new TreeMap<>();
        GroupPorts.of(doc, groupId).outputs().forEach((inner, name) ->
                shapes.output(inner).ifPresent(t -> outputs.put(name, t.toString())));
        String badge = count > 0 ? Units.params(count).replaceFirst(" params?$", "") : "";
        return new NodeAnnotation(badge, "", outputs, problems);
    }
}
