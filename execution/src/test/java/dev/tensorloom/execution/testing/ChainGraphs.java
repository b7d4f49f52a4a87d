package dev.tensorloom.execution.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;
import java.util.Map;
import java.util.Random;

/** Standard-catalog graphs for the checkpointing tests: a plain chain and a small residual deep chain. */
public final class ChainGraphs {
    private ChainGraphs() {
    }

    /** x → (linear 8 → tanh) repeated → mse(y): {@code layers} layers counting each linear and tanh. */
    public static Document chain(int layers) {
        DocumentBuilder g = new DocumentBuilder()
                .node("x", "input", "field", "x", "shape", "[B, 8]")
                .node("y", "input", "field", "y", "shape", "[B, 8]");
        String previous = "x.out";
        for (int i = 0; i < layers; i++) {
            String id = "n" + i;
            g.node(id, i % 2 == 0 ? "linear" : "tanh", i % 2 == 0 ? new Object[] {"out_features", 8L} : new Object[0]);
            g.wire(previous, id + ".in");
            previous = id + ".out";
        }
        return g.node("loss", "mse").wire(previous, "loss.pred").wire("y.out", "loss.target").build();
    }

    /** The deep-chain template's structure scaled down: residual blocks layernorm → linear → relu → linear + skip. */
    public static Document deepChain(int blocks, int width) {
        DocumentBuilder g = new DocumentBuilder()
                .node("x", "input", "field", "x", "shape", "[B, " + width + "]")
                .node("y", "input", "field", "y", "shape", "[B, " + width + "]");
        String previous = "x.out";
        for (int i = 1; i <= blocks; i++) {
            String b = "b" + i + "_";
            g.node(b + "norm", "layernorm").node(b + "fc1", "linear", "out_features", (long) width)
                    .node(b + "relu", "relu").node(b + "fc2", "linear", "out_features", (long) width)
                    .node(b + "add", "add");
            g.wire(previous, b + "norm.in").wire(b + "norm.out", b + "fc1.in").wire(b + "fc1.out", b + "relu.in")
                    .wire(b + "relu.out", b + "fc2.in").wire(previous, b + "add.a").wire(b + "fc2.out", b + "add.b");
            previous = b + "add.out";
        }
        return g.node("loss", "mse").wire(previous, "loss.pred").wire("y.out", "loss.target").build();
    }

    public static Map<String, NDArray> batch(NDManager m, int rows, int width, long seed) {
        Random r = new Random(seed);
        float[] x = new float[rows * width];
        float[] y = new float[rows * width];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
            y[i] = (float) Math.tanh(x[i]);
        }
        return Map.of("x", m.create(x, new Shape(rows, width)), "y", m.create(y, new Shape(rows, width)));
    }
}
