package dev.tensorloom.model.composite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.catalog.BlockCategory;
import dev.tensorloom.model.catalog.BlockType;
import dev.tensorloom.model.catalog.Estimate;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;
import dev.tensorloom.model.doc.Group;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.estimate.Estimates;
import dev.tensorloom.model.testing.TestBlocks;
import dev.tensorloom.model.validate.Problem;
import dev.tensorloom.model.validate.ShapeInference;
import dev.tensorloom.model.validate.ShapeReport;
import dev.tensorloom.model.validate.Validator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositeBlockTypeTest {
    private final BlockCatalog catalog = TestBlocks.catalog();

    /** x [B, T, 16] -> (fc: lin 8 -> act: relu, grouped as "mlp") -> loss. */
    private static Document flat() {
        Document doc = new DocumentBuilder()
                .node("x", "src", "shape", "[B, T, 16]")
                .nodeIn("mlp", "fc", "lin", "out_features", 8L)
                .nodeIn("mlp", "act", "relu")
                .node("loss", "loss")
                .wire("x.out", "fc.in").wire("fc.out", "act.in").wire("act.out", "loss.pred").build();
        doc.putGroup(new Group("mlp", "MLP", false));
        return doc;
    }

    /** The same model with the group replaced by one node of the composite type. */
    private static Document collapsed(String typeId, String in, String out) {
        return new DocumentBuilder()
                .node("x", "src", "shape", "[B, T, 16]")
                .node("block", typeId)
                .node("loss", "loss")
                .wire("x.out", "block." + in).wire("block." + out, "loss.pred").build();
    }

    @Test
    void groupBecomesABlockTypeWithDefaultPortNames() {
        CompositeBlockType c = CompositeBlocks.saveGroup(flat(), "mlp", "my_mlp", catalog);

        BlockType t = catalog.require("my_mlp");
        assertEquals(BlockCategory.COMPOSITE, t.category());
        assertEquals("MLP", t.title());
        assertEquals(List.of("fc_in"), t.inputs().stream().map(p -> p.name()).toList());
        assertEquals(List.of("act_out"), t.outputs().stream().map(p -> p.name()).toList());
        assertEquals(new PortRef("fc", "in"), c.inputs().get(0).inner());
        assertEquals(2, c.innerNodes().size());
        assertEquals(1, c.innerWires().size());
    }

    @Test
    void compositeInfersTheSameOutputShapeAsTheFlatGraph() {
        Document flat = flat();
        CompositeBlocks.saveGroup(flat, "mlp", "my_mlp", catalog);
        Document collapsed = collapsed("my_mlp", "fc_in", "act_out");

        ShapeReport flatShapes = ShapeInference.run(flat, catalog);
        ShapeReport collapsedShapes = ShapeInference.run(collapsed, catalog);

        assertEquals("[B, T, 8]", collapsedShapes.output(new PortRef("block", "act_out")).orElseThrow().toString());
        assertEquals(flatShapes.output(new PortRef("act", "out")), collapsedShapes.output(new PortRef("block", "act_out")));
        assertEquals(List.of(), Validator.validate(collapsed, catalog));
    }

    @Test
    void compositeEstimateIsTheSumOfItsInnerNodes() {
        Document flat = flat();
        CompositeBlocks.saveGroup(flat, "mlp", "my_mlp", catalog);
        Document collapsed = collapsed("my_mlp", "fc_in", "act_out");

        Estimates flatEstimates = Estimates.compute(flat, catalog, ShapeInference.run(flat, catalog));
        Estimates collapsedEstimates = Estimates.compute(collapsed, catalog, ShapeInference.run(collapsed, catalog));

        Estimate inner = flatEstimates.of("fc").orElseThrow().plus(flatEstimates.of("act").orElseThrow());
        assertEquals(inner, collapsedEstimates.of("block").orElseThrow());
        assertEquals(flatEstimates.total(), collapsedEstimates.total());
        assertEquals(16 * 8 + 8, collapsedEstimates.of("block").orElseThrow().parameters());
    }

    @Test
    void chosenPortNamesReplaceTheDefaults() {
        CompositeBlocks.saveGroup(flat(), "mlp", "my_mlp", Map.of(new PortRef("fc", "in"), "in",
                new PortRef("act", "out"), "out"), catalog);

        ShapeReport shapes = ShapeInference.run(collapsed("my_mlp", "in", "out"), catalog);

        assertEquals("[B, T, 8]", shapes.output(new PortRef("block", "out")).orElseThrow().toString());
    }

    @Test
    void outputsReadOutsideTheGroupAreExposedEvenWhenAlsoUsedInside() {
        Document doc = flat();
        doc.addNode(dev.tensorloom.model.doc.Node.of("side", "relu"));
        doc.addWire(new dev.tensorloom.model.doc.Wire("side_w", new PortRef("fc", "out"), new PortRef("side", "in")));

        CompositeBlockType c = CompositeBlockType.fromGroup(doc, "mlp", "m2", Map.of(), catalog);

        assertEquals(List.of("fc_out", "act_out"), c.outputs().stream().map(ExposedPort::name).toList());
    }

    @Test
    void optionalInputIsExposedOnlyWhenFedFromOutside() {
        Document doc = new DocumentBuilder()
                .node("q", "src", "shape", "[B, T, 256]").node("kv", "src", "shape", "[B, S, 256]")
                .nodeIn("g", "att", "attn")
                .wire("q.out", "att.q_in").wire("kv.out", "att.kv_in").build();

        assertEquals(List.of("att_q_in", "att_kv_in"), CompositeBlockType.fromGroup(doc, "g", "cross", Map.of(), catalog)
                .inputs().stream().map(ExposedPort::name).toList());
        assertEquals(List.of("att_q_in"), CompositeBlockType.of("self", "Self", List.of(doc.requireNode("att")),
                List.of(), Map.of(), catalog).inputs().stream().map(ExposedPort::name).toList());
    }

    @Test
    void innerMismatchIsReportedOnTheCompositeInputPort() {
        Document doc = new DocumentBuilder().node("x", "src", "shape", "[B, T, 128]")
                .nodeIn("g", "att", "attn", "d_model", 256L).wire("x.out", "att.q_in").build();
        CompositeBlocks.saveGroup(doc, "g", "encoder", catalog);
        Document outer = new DocumentBuilder().node("embed", "src", "shape", "[B, T, 128]").node("enc", "encoder")
                .node("loss", "loss").wire("embed.out", "enc.att_q_in").wire("enc.att_out", "loss.pred").build();

        List<Problem> problems = Validator.validate(outer, catalog);

        assertEquals(1, problems.size(), problems.toString());
        Problem p = problems.get(0);
        assertEquals(Problem.Kind.SHAPE_MISMATCH, p.kind());
        assertEquals("enc", p.nodeId());
        assertEquals("att_q_in", p.port());
        assertEquals("enc.att_q_in: att.q_in expects [B, T, 256], got [B, T, 128] from input att_q_in"
                + " (size 128 where 256 is expected)", p.message());
    }

    @Test
    void refusesAnEmptyGroupAndClashingNames() {
        assertThrows(IllegalArgumentException.class,
                () -> CompositeBlockType.fromGroup(flat(), "nope", "x", Map.of(), catalog));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CompositeBlockType.fromGroup(flat(), "mlp", "x",
                        Map.of(new PortRef("fc", "in"), "io", new PortRef("act", "out"), "io"), catalog));
        assertTrue(e.getMessage().contains("'io'"));
    }
}
