package dev.tensorloom.templates;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;
import dev.tensorloom.model.doc.TrainingConfig;

/**
 * A small class-conditional diffusion transformer (3 adaLN-Zero DiT blocks, d = 64, 4 heads with qk-norm, 2×2
 * patches so 64 tokens on an 8×8 grid) on 16×16 shapes, trained with the rectified-flow objective: the pair node
 * draws logit-normal t and noise, the network predicts the velocity ε − x0 from x_t, t and the class.
 * 2000 steps of batch 32: in the acceptance run a classifier labelled 0.891 of the samples correctly (20 Euler
 * steps); the 2000 steps took 398 s wall, 155 s CPU, with one PyTorch thread at load 14. The 64 tokens cost about
 * twice the 4×4-patch model's time per step but learn faster per step: 0.86 after 1000 steps (of a 4000-step
 * schedule) against 0.67 with 16 tokens.
 */
final class DitRectifiedFlowTemplate implements TemplateSource {
    static final int WIDTH = 64;
    static final int PATCH = 2;
    /** Tokens per side: 16 pixels / PATCH. */
    static final int GRID = 16 / PATCH;

    @Override
    public String id() {
        return "dit-rectified-flow";
    }

    @Override
    public Document build() {
        DocumentBuilder g = new DocumentBuilder();
        g.nodeAt("image", "input", 0, 0, "field", "image", "shape", "[B, 1, 16, 16]", "dtype", "float32")
                .nodeAt("label", "input", 0, 2, "field", "label", "shape", "[B]", "dtype", "int64")
                .nodeAt("pair", "rectified_flow_pair", 1, 0)
                .nodeAt("t_embed", "timestep_embed", 2, 1, "d_model", WIDTH, "freq_dim", 64)
                .nodeAt("class_embed", "embedding", 2, 2, "vocab", 4, "dim", WIDTH)
                .nodeAt("cond", "add", 3, 2)
                .nodeAt("patches", "patch_embed", 2, 0, "patch", PATCH, "d_model", WIDTH)
                .nodeAt("pos", "sincos2d_pos", 3, 0, "grid_h", GRID, "grid_w", GRID);
        String previous = "pos.out";
        for (int i = 1; i <= 3; i++) {
            g.nodeAt("dit" + i, "dit_block", 3 + i, 0, "d_model", WIDTH, "heads", 4, "hidden", 2 * WIDTH, "qk_norm", true);
            g.wire(previous, "dit" + i + ".in").wire("cond.out", "dit" + i + ".cond");
            previous = "dit" + i + ".out";
        }
        g.nodeAt("final", "dit_final", 7, 0, "d_model", WIDTH, "patch", PATCH, "channels", 1)
                .nodeAt("unpatchify", "unpatchify", 8, 0, "patch", PATCH, "channels", 1, "grid_h", GRID, "grid_w", GRID)
                .nodeAt("loss", "rf_velocity_mse", 9, 1);
        g.wire("image.out", "pair.in").wire("pair.x_t", "patches.in").wire("patches.out", "pos.in")
                .wire("pair.t", "t_embed.t").wire("label.out", "class_embed.in")
                .wire("t_embed.out", "cond.a").wire("class_embed.out", "cond.b")
                .wire(previous, "final.in").wire("cond.out", "final.cond").wire("final.out", "unpatchify.in")
                .wire("unpatchify.out", "loss.pred").wire("pair.velocity", "loss.target");
        Document doc = g.build();
        doc.setConfig(new TrainingConfig("shapes16", "adamw", 1e-3, "cosine", 100, 0.0, 0.9, 1.0, 32, 2000, 0,
                250, 42L, "auto", "none"));
        return doc;
    }
}
