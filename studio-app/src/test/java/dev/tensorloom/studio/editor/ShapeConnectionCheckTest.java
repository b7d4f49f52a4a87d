package dev.tensorloom.studio.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.command.SetParameter;
import dev.tensorloom.model.command.UndoStack;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;
import dev.tensorloom.model.doc.PortRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A candidate wire is refused with the shape rule's message, on the document as it is now, which it never copies. */
class ShapeConnectionCheckTest {

    private static Document graph() {
        return new DocumentBuilder()
                .node("x", "input", "field", "x", "shape", "[B, 16]", "dtype", "float32")
                .node("y", "input", "field", "y", "shape", "[B, 8]", "dtype", "float32")
                .node("fc", "linear", "out_features", 8)
                .node("loss", "mse")
                .wire("x.out", "fc.in").wire("y.out", "loss.target").build();
    }

    @Test
    void aFittingWirePassesAndAMisfitIsRefusedWithTheRulesMessage() {
        Document doc = graph();
        ShapeConnectionCheck check = new ShapeConnectionCheck(doc, BlockCatalog.standard());
        assertEquals(Optional.empty(), check.refusal(PortRef.parse("fc.out"), PortRef.parse("loss.pred")));
        Optional<String> refused = check.refusal(PortRef.parse("x.out"), PortRef.parse("loss.pred"));
        assertTrue(refused.isPresent(), "[B, 16] into a loss whose target is [B, 8]");
        assertTrue(refused.get().contains("x.out") && refused.get().contains("16"), refused.get());
        assertEquals(2, doc.wires().size(), "the check adds no wire to the document");
    }

    @Test
    void theCheckSeesEditsMadeAfterIt() {
        Document doc = graph();
        UndoStack undo = new UndoStack(doc);
        ShapeConnectionCheck check = new ShapeConnectionCheck(doc, BlockCatalog.standard());
        assertEquals(Optional.empty(), check.refusal(PortRef.parse("fc.out"), PortRef.parse("loss.pred")));
        undo.push(new SetParameter("fc", "out_features", 16L));
        assertTrue(check.refusal(PortRef.parse("fc.out"), PortRef.parse("loss.pred")).isPresent(),
                "fc now gives [B, 16]");
    }
}
