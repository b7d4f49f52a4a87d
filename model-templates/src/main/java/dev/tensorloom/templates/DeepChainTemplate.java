package dev.tensorloom.templates;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.TrainingConfig;

/**
 * The checkpointing showcase: 64 residual MLP blocks (LayerNorm → Linear → ReLU → Linear, plus the
 * skip), width 256, batch 4096, regression loss. Each block is a collapsed group made from the saved block
 * "Residual MLP", which the file embeds. Every block's output is an articulation point of
 * the graph, so the planner can cut between any two blocks.
 */
final class DeepChainTemplate implements TemplateSource {
    static final int BLOCKS = 64;
    static final int WIDTH = 256;

    @Override
    public String id() {
        return "deep-chain";
    }

    @Override
    public Document build() {
        GraphBuilder g = new GraphBuilder();
        g.node("x", "input", 0, 0, "field", "x", "shape", "[B, " + WIDTH + "]", "dtype", "float32");
        g.node("y", "input", 0, 2, "field", "y", "shape", "[B, " + WIDTH + "]", "dtype", "float32");
        String previous = "x.out";
        for (int i = 1; i <= BLOCKS; i++) {
            int col = 1 + (i - 1) * 5;
            String b = "b" + i + "_";
            g.group("block" + i, "Residual MLP " + i, "residual-mlp");
            g.node(b + "norm", "layernorm", col, 1)
                    .node(b + "fc1", "linear", col + 1, 1, "out_features", WIDTH)
                    .node(b + "relu", "relu", col + 2, 1)
                    .node(b + "fc2", "linear", col + 3, 1, "out_features", WIDTH)
                    .node(b + "add", "add", col + 4, 0);
            g.wire(previous, b + "norm.in")
                    .wire(b + "norm.out", b + "fc1.in")
                    .wire(b + "fc1.out", b + "relu.in")
                    .wire(b + "relu.out", b + "fc2.in")
                    .wire(previous, b + "add.a")
                    .wire(b + "fc2.out", b + "add.b");
            g.endGroup();
            previous = b + "add.out";
        }
        g.node("loss", "mse", 1 + BLOCKS * 5, 1);
        g.wire(previous, "loss.pred").wire("y.out", "loss.target");
        Document doc = g.document();
        doc.setConfig(TrainingConfig.DEFAULT.withDataset("regression-chain").withBatchSize(4096).withSteps(20)
                .withLearningRate(1e-3).withSeed(7));
        return doc;
    }
}
