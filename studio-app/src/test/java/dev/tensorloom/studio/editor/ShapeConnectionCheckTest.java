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

    /** x [B, 16] → fc (8) → loss.pred; loss.target still open, with y [B, 8] and x [B, 16] as candidates. */
    private static Document graph() {
        return new DocumentBuilder()
                .node("x", "input", "field", "x", "shape", "[B, 16]", "dtype", "float32")
                .node("y", "input", "field", "y", "shape", "[B, 8]", "dtype", "float32")
                .node("fc", "linear", "out_features", 8)
                .node("loss", "mse")
                .wire("x.out", "fc.in").wire("fc.out", "loss.pred").build();
    }

    @Test
    void aFittingWirePassesAndAMisfitIsRefusedWithTheRulesMessage() {
        Document doc = graph();
        ShapeConnectionCheck check = new ShapeConnectionCheck(doc, BlockCatalog.standard());
        assertEquals(Optional.empty(), check.refusal(PortRef.parse("y.out"), PortRef.parse("loss.target")));
        Optional<String> refused = check.refusal(PortRef.parse("x.out"), PortRef.parse("loss.target"));
        assertTrue(refused.isPresent(), "a [B, 16] target for a [B, 8] prediction");
        assertTrue(refused.get().contains("16"), refused.get());
        assertEquals(2, doc.wires().size(), "the check adds no wire to the document");
    }

    @Test
    void theCheckSeesEditsMadeAfterIt() {
        Document doc = graph();
        UndoStack undo = new UndoStack(doc);
        ShapeConnectionCheck check = new ShapeConnectionCheck(doc, BlockCatalog.standard());
        assertEquals(Optional.empty(), check.refusal(PortRef.parse("y.out"), PortRef.parse("loss.target")));
        undo.push(new SetParameter("fc", "out_features", 16L));
        assertTrue(check.refusal(PortRef.parse("y.out"), PortRef.parse("loss.target")).isPresent(),
                "fc now predicts [B, 16], so y's [B, 8] no longer fits");
        assertEquals(Optional.empty(), check.refusal(PortRef.parse("x.out"), PortRef.parse("loss.target")));
    }
}
