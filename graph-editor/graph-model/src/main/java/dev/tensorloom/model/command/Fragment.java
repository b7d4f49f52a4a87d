package dev.tensorloom.model.command;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.GroupTree;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.Wire;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A piece of a graph being copied or pasted: some nodes, the wires between them, and the groups
 * they belong to. Ids are those of the source; {@link Paste} gives them fresh ones.
 */
public record Fragment(List<Node> nodes, List<Wire> wires, List<Group> groups) {
    public Fragment {
        nodes = List.copyOf(nodes);
        wires = List.copyOf(wires);
        groups = List.copyOf(groups);
    }

    /** Everything in a document (for example a template or clipboard project). */
    public static Fragment of(Document doc) {
        return new Fragment(List.copyOf(doc.nodes()), List.copyOf(doc.wires()), List.copyOf(doc.groups()));
    }

    /**
     * The selected nodes, the wires with both ends in the selection, and every group the selection holds
     * whole (so copying a block made of a group copies the group, nested groups included, while copying a
     * few nodes out of a group copies just the nodes).
     */
    public static Fragment copyOf(Document doc, Collection<String> nodeIds) {
        Set<String> selected = new TreeSet<>(nodeIds);
        List<Node> nodes = selected.stream().map(doc::requireNode).toList();
        List<Wire> wires = doc.wires().stream()
                .filter(w -> selected.contains(w.from().nodeId()) && selected.contains(w.to().nodeId()))
                .toList();
        Set<String> candidates = new TreeSet<>();
        nodes.forEach(n -> candidates.addAll(GroupTree.chain(doc, n)));
        List<Group> groups = candidates.stream()
                .filter(g -> selected.containsAll(GroupTree.allMembers(doc, g)))
                .flatMap(g -> doc.group(g).stream()).toList();
        return new Fragment(nodes, wires, groups);
    }

    /** A new document holding exactly this fragment with its ids, for the clipboard. */
    public Document toDocument() {
        Document doc = new Document();
        groups.forEach(doc::putGroup);
        nodes.forEach(doc::addNode);
        wires.forEach(doc::addWire);
        return doc;
    }
}
