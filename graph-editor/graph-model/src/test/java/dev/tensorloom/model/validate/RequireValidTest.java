package dev.tensorloom.model.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.UserError;
import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;
import dev.tensorloom.model.doc.PortRef;
import org.junit.jupiter.api.Test;

/** The one check before anything runs a document, and the one-candidate shape trial the editor uses. */
class RequireValidTest {

    @Test
    void aGraphWithErrorsIsRefusedWithTheValidatorsFirstErrorAndItsPlace() {
        Document doc = new DocumentBuilder()
                .node("x", "input", "field", "x", "shape", "[B, 16]", "dtype", "float32")
                .node("fc", "linear", "out_features", 8)
                .node("y", "input", "field", "y", "shape", "[B, 8]", "dtype", "float32")
                .node("loss", "mse")
                .wire("fc.out", "loss.pred").wire("y.out", "loss.target").build();
        InvalidGraphException e = assertThrows(InvalidGraphException.class,
                () -> Validator.requireValid(doc, BlockCatalog.standard()));
        Problem first = Validator.validate(doc, BlockCatalog.standard()).get(0);
        assertTrue(e.getMessage().startsWith(first.message()), e.getMessage());
        assertEquals("fc.in", ((UserError) e).location().toString());
    }

    @Test
    void aValidGraphPasses() {
        Document doc = new DocumentBuilder()
                .node("x", "input", "field", "x", "shape", "[B, 16]", "dtype", "float32")
                .node("y", "input", "field", "y", "shape", "[B, 8]", "dtype", "float32")
                .node("fc", "linear", "out_features", 8)
                .node("loss", "mse")
                .wire("x.out", "fc.in").wire("fc.out", "loss.pred").wire("y.out", "loss.target").build();
        Validator.requireValid(doc, BlockCatalog.standard());
    }

    @Test
    void aTrialGivesWhatAddingTheWireWouldGiveAtThatPort() {
        Document doc = new DocumentBuilder()
                .node("x", "input", "field", "x", "shape", "[B, 16]", "dtype", "float32")
                .node("y", "input", "field", "y", "shape", "[B, 8]", "dtype", "float32")
                .node("loss", "mse")
                .wire("y.out", "loss.target").build();
        ShapeReport report = ShapeInference.run(doc, BlockCatalog.standard());
        var trial = ShapeInference.trial(report, doc, BlockCatalog.standard(), PortRef.parse("x.out"),
                PortRef.parse("loss.pred"));
        doc.addWire(new dev.tensorloom.model.doc.Wire("w9", PortRef.parse("x.out"), PortRef.parse("loss.pred")));
        var whole = ShapeInference.run(doc, BlockCatalog.standard()).problems("loss");
        assertEquals(whole, trial);
        assertTrue(!trial.isEmpty(), "[B, 16] against a [B, 8] target");
    }
}
