package dev.tensorloom.studio.gallery;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A picture-sized stand-in for a big graph: when a graph has more than {@link #MAX_NODES} nodes,
 * the middle of it (in topological order) becomes one ellipsis node, so a card shows a few
 * readable blocks instead of a texture of hundreds. A run of repeated blocks (the same sequence
 * of block types again and again, like 64 residual blocks) keeps its first two and last copies
 * and the ellipsis says how many copies it stands for ("… ×61"); other graphs keep their start
 * and end ("… 300 more"). Wires into or out of the hidden part are drawn to the ellipsis.
 */
final class GraphSummary {
    /** Graphs up to this size are pictured whole. */
    static final int MAX_NODES = 24;
    /** Type id of the ellipsis node; no block has it. */
    static final String ELLIPSIS_TYPE = "…";
    /** Longest block (in nodes) searched for repetition. */
    static final int MAX_PERIOD = 12;
    /** Nodes kept at the start and at the end when no repetition is found. */
    static final int HEAD = 14;
    static final int TAIL = 4;

    private GraphSummary() {
    }

    static boolean isEllipsis(Node n) {
        return ELLIPSIS_TYPE.equals(n.type());
    }

    /** The graph itself when small enough, else a condensed copy with unset positions (to be laid out). */
    static Document of(Document doc) {
        if (doc.nodeCount() <= MAX_NODES) {
            return doc;
        }
        List<String> order = doc.topologicalOrder();
        List<String> types = order.stream().map(id -> doc.requireNode(id).type()).toList();
        int[] run = longestRepetition(types);
        if (run != null) {
            int start = run[0];
            int period = run[1];
            int copies = run[2];
            int hiddenFrom = start + 2 * period;
            int hiddenTo = start + (copies - 1) * period;
            if (order.size() - (hiddenTo - hiddenFrom) + 1 <= MAX_NODES) {
                return condensed(doc, order, hiddenFrom, hiddenTo, "… ×" + (copies - 3));
            }
        }
        int hiddenTo = order.size() - TAIL;
        return condensed(doc, order, HEAD, hiddenTo, "… " + (hiddenTo - HEAD) + " more");
    }

    /**
     * The repetition covering most nodes: {start, period, copies} with at least 4 copies of a
     * block of {@code period} types starting at {@code start}; null when there is none.
     */
    static int[] longestRepetition(List<String> types) {
        int[] best = null;
        for (int period = 1; period <= MAX_PERIOD; period++) {
            int runStart = 0;
            int length = 0;
            for (int i = 0; i + period <= types.size(); i++) {
                boolean same = i + period < types.size() && types.get(i).equals(types.get(i + period));
                if (same) {
                    if (length == 0) {
                        runStart = i;
                    }
                    length++;
                }
                if (!same) {
                    int copies = length == 0 ? 0 : 1 + length / period;
                    if (copies >= 4 && (best == null || copies * period > best[1] * best[2])) {
                        best = new int[] {runStart, period, copies};
                    }
                    length = 0;
                }
            }
        }
        return best;
    }

    /** Nodes order[from..to) become one ellipsis node; wires that touch them touch it instead. */
    private static Document condensed(Document doc, List<String> order, int from, int to, String label) {
        Set<String> hidden = new HashSet<>(order.subList(from, to));
        Document out = new Document();
        String ellipsis = doc.freshId("ellipsis");
        for (int i = 0; i < order.size(); i++) {
            if (i == from) {
                out.addNode(new Node(ellipsis, ELLIPSIS_TYPE, label, Map.of(), Position.ORIGIN, null));
            }
            if (!hidden.contains(order.get(i))) {
                Node n = doc.requireNode(order.get(i));
                out.addNode(new Node(n.id(), n.type(), n.label(), Map.of(), Position.ORIGIN, null));
            }
        }
        Set<String> pairs = new LinkedHashSet<>();
        List<Wire> wires = new ArrayList<>();
        int port = 0;
        for (Wire w : doc.wires()) {
            boolean a = hidden.contains(w.from().nodeId());
            boolean b = hidden.contains(w.to().nodeId());
            if (a && b) {
                continue;
            }
            PortRef src = a ? new PortRef(ellipsis, "out") : w.from();
            PortRef dst = b ? new PortRef(ellipsis, "in" + port++) : w.to();
            if (pairs.add(src.nodeId() + "\u0000" + dst.nodeId())) {
                wires.add(new Wire(w.id(), src, dst));
            }
        }
        wires.forEach(out::addWire);
        return out;
    }
}
