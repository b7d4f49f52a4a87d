package dev.tensorloom.model.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;
import dev.tensorloom.model.doc.Node;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.doc.Wire;
import dev.tensorloom.model.testing.FakeBlocks;
import org.junit.jupiter.api.Test;

class LiveShapesTest {
    private final BlockCatalog catalog = FakeBlocks.catalog();

    @Test
    void followsEditsAndAgreesWithAFullRun() {
        Document doc = new DocumentBuilder()
                .node("x", "src", "shape", "[B, 16]").node("fc1", "lin").node("act", "relu")
                .wire("x.out", "fc1.in").wire("fc1.out", "act.in").build();
        LiveShapes live = LiveShapes.attach(doc, catalog);
        ShapeReport first = live.report();
        assertSame(first, live.report(), "no edit, no work");

        doc.replaceNode(doc.requireNode("fc1").withParam("out_features", 5L));
        assertEquals("[B, 5]", live.report().outputs("act").get("out").toString());

        doc.addNode(Node.of("fc2", "lin"));
        doc.addWire(new Wire("w9", new PortRef("act", "out"), new PortRef("fc2", "in")));
        assertEquals("[B, 8]", live.report().outputs("fc2").get("out").toString());

        doc.replaceNode(doc.requireNode("x").withParam("shape", "[B, T, 3]"));
        assertEquals("[B, T, 8]", live.report().outputs("fc2").get("out").toString());

        doc.removeNode("fc1");
        assertFalse(live.report().inferred("act"));
        assertFalse(live.report().inferred("fc2"));
        assertEquals(ShapeInference.run(doc, catalog).inferredNodes(), live.report().inferredNodes());

        live.close();
        doc.removeNode("x");
        assertEquals(1, live.report().inferredNodes().size(), "detached: the last report stays");
    }
}
