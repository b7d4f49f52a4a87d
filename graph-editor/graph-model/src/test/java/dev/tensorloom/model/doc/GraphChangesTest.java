package dev.tensorloom.model.doc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphChangesTest {
    private static Document chain() {
        return new DocumentBuilder()
                .node("x", "input", "field", "x")
                .node("fc", "linear", "out_features", 8L)
                .node("act", "relu")
                .wire("x.out", "fc.in")
                .wire("fc.out", "act.in")
                .build();
    }

    @Test
    void layoutLabelsAndAnIdenticalCopyAreNoChange() {
        Document now = chain();
        now.replaceNode(now.requireNode("fc").withPosition(new Position(400, 300)).withLabel("Projection"));
        GraphChanges c = GraphChanges.between(chain(), now);
        assertFalse(c.any(), c.toString());
        assertEquals("", c.summary());
    }

    @Test
    void aParameterAWireAndANewBlockAreMarkedAndARemovedBlockCounted() {
        Document now = chain();
        now.replaceNode(now.requireNode("fc").withParam("out_features", 16L));
        now.removeWire(now.wireInto(new PortRef("act", "in")).orElseThrow().id());
        now.addNode(Node.of("act2", "relu"));
        now.addWire(new Wire(now.freshId("w"), new PortRef("x", "out"), new PortRef("act", "in")));
        now.removeNode("act2");
        now.addNode(Node.of("extra", "relu"));
        GraphChanges c = GraphChanges.between(chain(), now);
        assertEquals(Set.of("fc", "act", "extra"), c.changed(), "fc's width, act's source, extra is new");
        assertEquals(Set.of(), c.removed());
        assertEquals("3 blocks added or changed", c.summary());

        now.removeNode("x");
        GraphChanges after = GraphChanges.between(chain(), now);
        assertEquals(Set.of("x"), after.removed());
        assertTrue(after.summary().endsWith("1 block removed"), after.summary());
    }
}
