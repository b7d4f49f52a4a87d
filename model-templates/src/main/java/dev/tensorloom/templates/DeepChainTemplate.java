package dev.tensorloom.templates;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;
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
        DocumentBuilder g = new DocumentBuilder();
        g.nodeAt("x", "input", 0, 0, "field", "x", "shape", "[B, " + WIDTH + "]", "dtype", "float32");
        g.nodeAt("y", "input", 0, 2, "field", "y", "shape", "[B, " + WIDTH + "]", "dtype", "float32");
        String previous = "x.out";
        for (int i = 1; i <= BLOCKS; i++) {
            int col = 1 + (i - 1) * 5;
            String b = "b" + i + "_";
            g.group("block" + i, "Residual MLP " + i, "residual-mlp");
            g.nodeAt(b + "norm", "layernorm", col, 1)
                    .nodeAt(b + "fc1", "linear", col + 1, 1, "out_features", WIDTH)
                    .nodeAt(b + "relu", "relu", col + 2, 1)
                    .nodeAt(b + "fc2", "linear", col + 3, 1, "out_features", WIDTH)
                    .nodeAt(b + "add", "add", col + 4, 0);
            g.wire(previous, b + "norm.in")
                    .wire(b + "norm.out", b + "fc1.in")
                    .wire(b + "fc1.out", b + "relu.in")
                    .wire(b + "relu.out", b + "fc2.in")
                    .wire(previous, b + "add.a")
                    .wire(b + "fc2.out", b + "add.b");
            g.endGroup();
            previous = b + "add.out";
        }
        g.nodeAt("loss", "mse", 1 + BLOCKS * 5, 1);
        g.wire(previous, "loss.pred").wire("y.out", "loss.target");
        Document doc = g.build();
        doc.setConfig(TrainingConfig.DEFAULT.withDataset("regression-chain").withBatchSize(4096).withSteps(20)
                .withLearningRate(1e-3).withSeed(7));
        return doc;
    }
}
