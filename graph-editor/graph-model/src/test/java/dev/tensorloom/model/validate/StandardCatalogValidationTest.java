package dev.tensorloom.model.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.composite.CompositeBlocks;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.estimate.Estimates;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation, estimates and composites over the real built-in blocks, not only the test stand-ins. */
class StandardCatalogValidationTest {
    private final BlockCatalog catalog = BlockCatalog.standard();

    /** x [B, 16] -> fc1 (8) -> act -> fc2 (3) -> cross-entropy against labels y [B]. */
    private static DocumentBuilder classifier(String labelType) {
        return new DocumentBuilder()
                .node("x", "input", "field", "x", "shape", "[B, 16]")
                .node("y", "input", "field", "y", "shape", "[B]", "dtype", labelType)
                .nodeIn("mlp", "fc1", "linear", "out_features", 8L)
                .nodeIn("mlp", "act", "relu")
                .node("fc2", "linear", "out_features", 3L)
                .node("ce", "cross_entropy")
                .wire("x.out", "fc1.in").wire("fc1.out", "act.in").wire("act.out", "fc2.in")
                .wire("fc2.out", "ce.pred").wire("y.out", "ce.target");
    }

    @Test
    void smallClassifierIsCleanAndItsParametersAddUp() {
        Document doc = classifier("int64").build();

        assertEquals(List.of(), Validator.validate(doc, catalog));
        Estimates e = Estimates.compute(doc, catalog, ShapeInference.run(doc, catalog));
        assertEquals(16 * 8 + 8 + 8 * 3 + 3, e.total().parameters());
    }

    @Test
    void floatLabelsAreAnElementTypeMismatch() {
        List<Problem> problems = Validator.validate(classifier("float32").build(), catalog);

        assertEquals(1, problems.size(), problems.toString());
        assertEquals(Problem.Kind.DTYPE_MISMATCH, problems.get(0).kind());
        assertEquals("ce", problems.get(0).nodeId());
        assertEquals("target", problems.get(0).port());
    }

    @Test
    void compositeOfRealBlocksMatchesTheFlatGraph() {
        Document flat = classifier("int64").build();
        CompositeBlocks.saveGroup(flat, "mlp", "mlp_block", catalog);
        Document collapsed = new DocumentBuilder()
                .node("x", "input", "field", "x", "shape", "[B, 16]")
                .node("y", "input", "field", "y", "shape", "[B]", "dtype", "int64")
                .node("m", "mlp_block").node("fc2", "linear", "out_features", 3L).node("ce", "cross_entropy")
                .wire("x.out", "m.fc1_in").wire("m.act_out", "fc2.in")
                .wire("fc2.out", "ce.pred").wire("y.out", "ce.target").build();

        assertEquals(List.of(), Validator.validate(collapsed, catalog));
        assertEquals(ShapeInference.run(flat, catalog).output(new PortRef("act", "out")),
                ShapeInference.run(collapsed, catalog).output(new PortRef("m", "act_out")));
        assertEquals(Estimates.compute(flat, catalog, ShapeInference.run(flat, catalog)).total(),
                Estimates.compute(collapsed, catalog, ShapeInference.run(collapsed, catalog)).total());
    }
}
