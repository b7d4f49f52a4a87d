package dev.tensorloom.model.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tensorloom.model.catalog.BlockCatalog;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;
import dev.tensorloom.model.doc.PortRef;
import dev.tensorloom.model.shape.Dim;
import dev.tensorloom.model.shape.TensorType;
import dev.tensorloom.model.testing.TestBlocks;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShapeInferenceTest {
    private final BlockCatalog catalog = TestBlocks.catalog();

    @Test
    void namedBatchDimensionFlowsFromSourceThroughLayers() {
        Document doc = new DocumentBuilder()
                .node("x", "src", "shape", "[B, 16]")
                .node("fc1", "lin", "out_features", 8L)
                .node("act", "relu")
                .wire("x.out", "fc1.in").wire("fc1.out", "act.in").build();

        ShapeReport report = ShapeInference.run(doc, catalog);

        TensorType out = report.output(new PortRef("act", "out")).orElseThrow();
        assertEquals(TensorType.f32(Dim.sym("B"), Dim.of(8)), out);
        assertEquals("[B, 8]", out.toString());
        assertEquals(TensorType.f32(Dim.sym("B"), Dim.of(16)), report.inputs("fc1").get("in"));
    }

    @Test
    void fixedAndNamedDimsPassThroughLeadingStar() {
        Document doc = new DocumentBuilder()
                .node("x", "src", "shape", "[4, T, 16]")
                .node("fc1", "lin", "out_features", 3L)
                .wire("x.out", "fc1.in").build();

        assertEquals("[4, T, 3]", ShapeInference.run(doc, catalog).outputs("fc1").get("out").toString());
    }

    @Test
    void namedDimsUnifyAcrossInputsOfOneNode() {
        Document doc = new DocumentBuilder()
                .node("a", "src", "shape", "[B, 16]")
                .node("b", "src", "shape", "[B, 8]")
                .node("sum", "add")
                .wire("a.out", "sum.a").wire("b.out", "sum.b").build();

        ShapeReport report = ShapeInference.run(doc, catalog);

        assertEquals(1, report.problems().size());
        assertEquals("sum.b expects [B, 16], got [B, 8] from b.out (D is 16 here but 8 there)",
                report.problems().get(0).message());
        assertTrue(report.outputs("sum").isEmpty());
    }

    @Test
    void nodeBehindAnErrorIsSkippedSilently() {
        Document doc = new DocumentBuilder()
                .node("x", "src", "shape", "[B, 16]")
                .node("att", "attn", "d_model", 32L)
                .node("fc1", "lin")
                .node("act", "relu")
                .wire("x.out", "att.q_in").wire("att.out", "fc1.in").wire("fc1.out", "act.in").build();

        ShapeReport report = ShapeInference.run(doc, catalog);

        assertEquals(1, report.problems().size(), report.problems().toString());
        assertEquals("att", report.problems().get(0).nodeId());
        assertFalse(report.inferred("fc1"));
        assertFalse(report.inferred("act"));
    }

    @Test
    void injectedTypesFeedUnconnectedInputs() {
        Document doc = new DocumentBuilder().node("fc1", "lin", "out_features", 5L).build();

        ShapeReport report = ShapeInference.run(doc, catalog,
                java.util.Map.of(new PortRef("fc1", "in"), TensorType.f32(Dim.sym("N"), Dim.of(7))));

        assertEquals("[N, 5]", report.outputs("fc1").get("out").toString());
    }

    @Test
    void updateAfterParameterChangeMatchesFullRun() {
        DocumentBuilder g = new DocumentBuilder().node("x", "src", "shape", "[B, 16]");
        String prev = "x";
        for (int i = 0; i < 20; i++) {
            g.node("fc" + i, "lin", "out_features", 16L).wire(prev + ".out", "fc" + i + ".in");
            prev = "fc" + i;
        }
        Document doc = g.build();
        ShapeReport before = ShapeInference.run(doc, catalog);

        doc.replaceNode(doc.requireNode("fc19").withParam("out_features", 3L));
        ShapeReport updated = ShapeInference.update(before, doc, catalog, Set.of("fc19"));
        assertEquals("[B, 3]", updated.outputs("fc19").get("out").toString());
        assertSameShapes(ShapeInference.run(doc, catalog), updated, doc);

        doc.replaceNode(doc.requireNode("fc3").withParam("out_features", 4L));
        updated = ShapeInference.update(updated, doc, catalog, Set.of("fc3"));
        assertEquals("[B, 4]", updated.inputs("fc4").get("in").toString());
        assertSameShapes(ShapeInference.run(doc, catalog), updated, doc);
    }

    @Test
    void updateAfterWireRemovalForgetsDownstream() {
        Document doc = new DocumentBuilder()
                .node("x", "src").node("fc1", "lin").node("act", "relu")
                .wire("x.out", "fc1.in").wire("fc1.out", "act.in").build();
        ShapeReport before = ShapeInference.run(doc, catalog);

        doc.removeWire("w1");
        ShapeReport updated = ShapeInference.update(before, doc, catalog, Set.of("fc1"));

        assertFalse(updated.inferred("fc1"));
        assertFalse(updated.inferred("act"));
        assertSameShapes(ShapeInference.run(doc, catalog), updated, doc);
    }

    /** Not a timing assertion (shared CI cores); prints the cost of a 5,000-node chain for the record. */
    @Test
    void longChainInfersInLinearTime() {
        DocumentBuilder g = new DocumentBuilder().node("x", "src", "shape", "[B, 16]");
        String prev = "x";
        int n = 5000;
        for (int i = 0; i < n; i++) {
            String id = String.format("n%05d", i);
            g.node(id, i % 2 == 0 ? "lin" : "relu", i % 2 == 0 ? new Object[] {"out_features", 16L} : new Object[0])
                    .wire(prev + ".out", id + ".in");
            prev = id;
        }
        Document doc = g.build();
        java.lang.management.ThreadMXBean clock = java.lang.management.ManagementFactory.getThreadMXBean();
        ShapeReport report = null;
        ShapeReport updated = null;
        long bestRun = Long.MAX_VALUE;
        long bestUpdate = Long.MAX_VALUE;
        for (int round = 0; round < 8; round++) {
            // thread CPU time: wall time on shared build machines mostly measures the neighbours
            long t0 = clock.getCurrentThreadCpuTime();
            report = ShapeInference.run(doc, catalog);
            long t1 = clock.getCurrentThreadCpuTime();
            updated = ShapeInference.update(report, doc, catalog, Set.of(prev));
            long t2 = clock.getCurrentThreadCpuTime();
            bestRun = Math.min(bestRun, t1 - t0);
            bestUpdate = Math.min(bestUpdate, t2 - t1);
        }
        System.out.printf("shape inference, %d-node chain, best of 8 (thread CPU): full run %.1f ms,"
                + " update after editing the last node %.1f ms%n", n + 1, bestRun / 1e6, bestUpdate / 1e6);
        assertEquals("[B, 16]", report.outputs(prev).get("out").toString());
        assertEquals(n + 1, updated.inferredNodes().size());
    }

    private static void assertSameShapes(ShapeReport expected, ShapeReport actual, Document doc) {
        for (String id : doc.topologicalOrder()) {
            assertEquals(expected.inferred(id), actual.inferred(id), id);
            assertEquals(expected.inputs(id), actual.inputs(id), id);
            assertEquals(expected.outputs(id), actual.outputs(id), id);
            assertEquals(expected.problems(id), actual.problems(id), id);
        }
    }
}
