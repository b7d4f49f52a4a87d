package dev.tensorloom.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;
import org.junit.jupiter.api.Test;

class CollapsedColumnsTest {
    private static final double COLUMN = DocumentBuilder.COLUMN;

    private static double x(Document doc, String id) {
        return doc.requireNode(id).position().x();
    }

    @Test
    void eachCollapsedBlockTakesOneColumnAndKeepsItsInsideAsDrawn() {
        Document doc = new DeepChainTemplate().build();
        assertEquals(5 * COLUMN, x(doc, "b2_norm") - x(doc, "b1_norm"), "drawn: five columns a block");
        CollapsedColumns.close(doc);
        assertEquals(0, x(doc, "x"));
        assertEquals(COLUMN, x(doc, "b1_norm"), "the first block stays where it was drawn");
        assertEquals(COLUMN, x(doc, "b2_norm") - x(doc, "b1_norm"), "each block one column after the one before");
        assertEquals(64 * COLUMN, x(doc, "b64_norm"));
        assertEquals(65 * COLUMN, x(doc, "loss"), "what follows the blocks moves up to them");
        for (String member : new String[] {"fc1", "relu", "fc2", "add"}) {
            assertEquals(x(doc, "b1_" + member) - x(doc, "b1_norm"), x(doc, "b37_" + member) - x(doc, "b37_norm"),
                    member + " sits inside its block as drawn");
        }
    }

    @Test
    void aTemplateWithoutGroupsKeepsItsLayout() {
        Document drawn = new TransformerReverseTemplate().build();
        Document closed = new TransformerReverseTemplate().build();
        CollapsedColumns.close(closed);
        for (var node : drawn.nodes()) {
            assertEquals(node.position(), closed.requireNode(node.id()).position(), node.id());
        }
    }
}
