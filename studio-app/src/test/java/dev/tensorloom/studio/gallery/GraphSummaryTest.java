package dev.tensorloom.studio.gallery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Position;
import dev.tensorloom.model.doc.Wire;
import dev.tensorloom.model.io.ProjectReader;
import dev.tensorloom.templates.TemplateCatalog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GraphSummaryTest {
    private static Node node(String id, String type) {
        return new Node(id, type, id, Map.of(), Position.ORIGIN, null);
    }

    private static Node ellipsis(Document doc) {
        return doc.nodes().stream().filter(GraphSummary::isEllipsis).findFirst().orElseThrow();
    }

    @Test
    void smallGraphsArePicturedWhole() {
        Document doc = new Document();
        doc.addNode(node("a", "input"));
        assertSame(doc, GraphSummary.of(doc));
    }

    @Test
    void findsTheLongestRunOfARepeatedBlock() {
        // x, then (n, l, r, l, a) × 6, then loss: 6 copies of a 5-type block from index 1.
        List<String> types = new java.util.ArrayList<>(List.of("input"));
        for (int i = 0; i < 6; i++) {
            types.addAll(List.of("layernorm", "linear", "relu", "linear", "add"));
        }
        types.add("mse");
        assertArrayEquals(new int[] {1, 5, 6}, GraphSummary.longestRepetition(types));
        assertNull(GraphSummary.longestRepetition(List.of("a", "b", "c", "a", "b", "c", "d")));
    }

    @Test
    void deepChainKeepsTwoBlocksAndTheLastAroundAnEllipsisCountingTheRest() throws Exception {
        TemplateCatalog catalog = TemplateCatalog.builtIn();
        Document full = ProjectReader.fromJson(catalog.projectJson("deep-chain"), "deep-chain.tlm").document();
        Document doc = GraphSummary.of(full);
        assertEquals(2 + 3 * 5 + 1 + 1, doc.nodeCount());
        assertEquals("… ×61", ellipsis(doc).label());
        Set<String> ids = doc.nodes().stream().map(Node::id).collect(Collectors.toSet());
        assertTrue(ids.containsAll(List.of("x", "y", "loss", "b1_norm", "b2_add", "b64_norm", "b64_add")), ids.toString());
        assertTrue(ids.stream().noneMatch(id -> id.startsWith("b3_") || id.startsWith("b63_")), ids.toString());
        String dots = ellipsis(doc).id();
        // Block 2's output feeds the hidden block 3 (norm and skip): one wire to the ellipsis;
        // the hidden block 63 feeds block 64's norm and skip: two wires out of it.
        assertEquals(List.of("b2_add"), doc.incoming(dots).stream().map(w -> w.from().nodeId()).toList());
        assertEquals(Set.of("b64_norm", "b64_add"),
                doc.outgoing(dots).stream().map(w -> w.to().nodeId()).collect(Collectors.toSet()));
    }

    @Test
    void graphsWithoutRepetitionKeepTheirStartAndEnd() {
        Document doc = new Document();
        doc.addNode(node("n0", "t0"));
        for (int i = 1; i < 100; i++) {
            doc.addNode(node("n" + i, "t" + i));
            doc.addWire(new Wire("w" + i, new PortRef("n" + (i - 1), "out"), new PortRef("n" + i, "in")));
        }
        Document summary = GraphSummary.of(doc);
        assertEquals(GraphSummary.HEAD + GraphSummary.TAIL + 1, summary.nodeCount());
        assertEquals("… 82 more", ellipsis(summary).label());
        assertTrue(summary.containsNode("n13") && summary.containsNode("n96") && !summary.containsNode("n14"));
        assertEquals(GraphSummary.HEAD + GraphSummary.TAIL, summary.wires().size());
    }
}
