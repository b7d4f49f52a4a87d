package dev.tensorloom.templates;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;
import dev.tensorloom.model.doc.TrainingConfig;

/**
 * Selective copying with two state-space layers in pre-norm residual blocks: embedding of the 12 tokens
 * (data 0..9, noise 10, marker 11), two blocks, a final norm and a 10-way head; split nodes cut logits and
 * targets after the noise part, so the cross-entropy sees only the 8 recall positions (the dataset's −1
 * targets elsewhere never reach it). Each block is a collapsed group made from one saved block. The Mamba
 * version uses Mamba blocks (selective,
 * input-dependent Δ, B, C); the S4D version uses time-invariant S4D convolutions followed by GELU and a
 * channel-mixing linear layer, the usual S4D layer.
 */
record SelectiveCopyTemplate(String id, boolean selective, TrainingConfig config) implements TemplateSource {
    static final int WIDTH = 64;
    static final String DATASET = "selective-copy?length=64&data_tokens=8&vocab=10";
    /** Noise positions (holding the 8 data tokens somewhere). */
    static final int NOISE = 64;
    /** Noise positions plus the 8 recall markers. */
    static final int SEQUENCE = NOISE + 8;
    /**
     * Both versions share the schedule, so the card compares like with like. Measured for Mamba: 1e-2 reaches
     * a held-out token accuracy of 0.9 by step 600 (0.97 at 800), 4e-3 only 0.78 at 800; the 800 steps cost
     * 200-230 s of one core's CPU time.
     */
    static final double LEARNING_RATE = 1e-2;
    static final int STEPS = 800;

    static SelectiveCopyTemplate mamba() {
        return new SelectiveCopyTemplate("mamba-selective-copy", true,
                new TrainingConfig(DATASET, "adamw", LEARNING_RATE, "cosine", 50, 0.01, 0.9, 1.0, 32, STEPS, 0, 100,
                        42L, "auto", "none"));
    }

    static SelectiveCopyTemplate s4d() {
        return new SelectiveCopyTemplate("s4d-selective-copy", false,
                new TrainingConfig(DATASET, "adamw", LEARNING_RATE, "cosine", 50, 0.01, 0.9, 1.0, 32, STEPS, 0, 100,
                        42L, "auto", "none"));
    }

    @Override
    public Document build() {
        DocumentBuilder g = new DocumentBuilder();
        String shape = "[B, " + SEQUENCE + "]";
        g.nodeAt("tokens", "input", 0, 0, "field", "tokens", "shape", shape, "dtype", "int64")
                .nodeAt("target", "input", 0, 2, "field", "target", "shape", shape, "dtype", "int64")
                .nodeAt("embed", "embedding", 1, 0, "vocab", 12, "dim", WIDTH);
        g.wire("tokens.out", "embed.in");
        String x = "embed.out";
        int col = 2;
        for (int i = 1; i <= 2; i++) {
            String b = "block" + i + "_";
            // Each residual layer is a collapsed group made from one saved block, as a user would build it.
            g.group("block" + i, (selective ? "Mamba block " : "S4D block ") + i, selective ? "mamba-block" : "s4d-block");
            g.nodeAt(b + "norm", "rmsnorm", col++, 1);
            g.wire(x, b + "norm.in");
            String y;
            if (selective) {
                g.nodeAt(b + "mamba", "mamba", col++, 1, "d_model", WIDTH, "state", 16, "expand", 2, "conv", 4);
                g.wire(b + "norm.out", b + "mamba.in");
                y = b + "mamba.out";
            } else {
                g.nodeAt(b + "s4d", "s4d", col++, 1, "d_model", WIDTH, "state", 64, "init", "lin")
                        .nodeAt(b + "gelu", "gelu", col++, 1)
                        .nodeAt(b + "mix", "linear", col++, 1, "out_features", WIDTH);
                g.wire(b + "norm.out", b + "s4d.in").wire(b + "s4d.out", b + "gelu.in")
                        .wire(b + "gelu.out", b + "mix.in");
                y = b + "mix.out";
            }
            g.nodeAt(b + "add", "add", col++, 0);
            g.wire(x, b + "add.a").wire(y, b + "add.b");
            g.endGroup();
            x = b + "add.out";
        }
        // The loss reads only the recall positions: split both logits and targets after the noise part.
        g.nodeAt("norm", "rmsnorm", col++, 0)
                .nodeAt("head", "linear", col++, 0, "out_features", 10)
                .nodeAt("recall", "split", col++, 0, "axis", 1, "split_size", NOISE)
                .nodeAt("recall_target", "split", col - 1, 2, "axis", 1, "split_size", NOISE)
                .nodeAt("loss", "cross_entropy", col, 1);
        g.wire(x, "norm.in").wire("norm.out", "head.in").wire("head.out", "recall.in")
                .wire("target.out", "recall_target.in").wire("recall.b", "loss.pred")
                .wire("recall_target.b", "loss.target");
        Document doc = g.build();
        doc.setConfig(config);
        return doc;
    }
}
