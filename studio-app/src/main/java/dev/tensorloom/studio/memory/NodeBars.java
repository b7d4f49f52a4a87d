package dev.tensorloom.studio.memory;

import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.recompute.PlannedPolicy;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.GroupTree;
import dev.tensorloom.model.doc.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The memory view's bars: saved bytes per item as the canvas shows the model at its top level (a collapsed group
 * is one bar, the sum of everything inside it), except that one group may be expanded into the items inside it.
 * A group's bar takes the treatment that holds most of its bytes. The largest bars are kept, in graph order.
 */
final class NodeBars {
    private NodeBars() {
    }

    /** @param expanded the group shown as its insides, or null */
    static List<NodeBytes> of(Document doc, PlanningBasis basis, PlannedPolicy schedule, String expanded, int most) {
        Map<String, NodeBytes> items = new LinkedHashMap<>();
        Map<String, Map<String, Long>> treatments = new LinkedHashMap<>();
        for (Step s : basis.plan().steps()) {
            if (s.isSource()) {
                continue;
            }
            long bytes = basis.profile().savedBytes(s.index());
            String treatment = schedule.treatment(s.index()).name().toLowerCase(Locale.ROOT);
            Node node = doc.node(s.nodeId()).orElse(null);
            String item = node == null ? s.nodeId() : itemOf(doc, node, expanded);
            if (item.equals(s.nodeId())) {
                items.put(item, new NodeBytes(item, bytes, treatment));
                continue;
            }
            NodeBytes sum = items.get(item);
            String label = doc.group(item).map(Group::label).orElse(item);
            items.put(item, new NodeBytes(item, (sum == null ? 0 : sum.bytes()) + bytes, treatment, label, true));
            treatments.computeIfAbsent(item, k -> new LinkedHashMap<>()).merge(treatment, bytes, Long::sum);
        }
        treatments.forEach((item, byTreatment) -> {
            String main = byTreatment.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            NodeBytes b = items.get(item);
            items.put(item, new NodeBytes(item, b.bytes(), main, b.label(), true));
        });
        List<NodeBytes> all = new ArrayList<>(items.values());
        List<NodeBytes> largest = all.stream().sorted(Comparator.comparingLong(NodeBytes::bytes).reversed())
                .limit(most).toList();
        return all.stream().filter(largest::contains).toList();
    }

    /** The bar a node counts towards: the expanded group's level inside it, else the top level. */
    private static String itemOf(Document doc, Node node, String expanded) {
        if (expanded != null && GroupTree.inside(doc, node, expanded)) {
            return GroupTree.owner(doc, node, expanded).orElse(node.id());
        }
        return GroupTree.owner(doc, node, null).orElse(node.id());
    }
}
