package dev.tensorloom.execution.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;
import java.util.Map;

/** Graphs and batches shared by the executor tests. */
public final class TestGraphs {
    private TestGraphs() {
    }

    /**
     * x → lin(8) → relu ─┬→ [dropout] → layernorm → split2 ─ first → lin(4) ─┐
     *                    │                              └ second ──────────→ add ─→ add2 → mse(y) = loss1
     *                    └→ lin(4) ─────────────────────────────────────────────────┘
     * and split2.second → mse(y) = loss2. Fan-out (relu, split2.second), residual adds, a two-output
     * node and two losses whose sum is minimised.
     */
    public static Document residual(boolean dropout) {
        DocumentBuilder g = new DocumentBuilder()
                .node("x", "input", "field", "x")
                .node("y", "input", "field", "y")
                .node("l1", "lin", "out_features", 8L)
                .node("r1", "relu")
                .node("ln", "layernorm")
                .node("sp", "split2")
                .node("l2", "lin", "out_features", 4L)
                .node("a1", "add")
                .node("l3", "lin", "out_features", 4L)
                .node("a2", "add")
                .node("loss1", "mse")
                .node("loss2", "mse")
                .wire("x.out", "l1.in")
                .wire("l1.out", "r1.in")
                .wire("ln.out", "sp.in")
                .wire("sp.first", "l2.in")
                .wire("l2.out", "a1.a")
                .wire("sp.second", "a1.b")
                .wire("r1.out", "l3.in")
                .wire("a1.out", "a2.a")
                .wire("l3.out", "a2.b")
                .wire("a2.out", "loss1.pred")
                .wire("y.out", "loss1.target")
                .wire("sp.second", "loss2.pred")
                .wire("y.out", "loss2.target");
        if (dropout) {
            g.node("dr", "dropout", "p", 0.3).wire("r1.out", "dr.in").wire("dr.out", "ln.in");
        } else {
            g.wire("r1.out", "ln.in");
        }
        return g.build();
    }

    /** A deterministic batch of {@code batch} rows for {@link #residual}. */
    public static Map<String, NDArray> batch(NDManager m, int batch, long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] x = new float[batch * 4];
        float[] y = new float[batch * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
            y[i] = (float) Math.sin(x[i]);
        }
        return Map.of("x", m.create(x, new Shape(batch, 4)), "y", m.create(y, new Shape(batch, 4)));
    }
}
