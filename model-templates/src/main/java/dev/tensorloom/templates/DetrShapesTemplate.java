package dev.tensorloom.templates;

import dev.tensorloom.model.doc.Document;
import dev.tensorloom.model.doc.DocumentBuilder;
import dev.tensorloom.model.doc.TrainingConfig;

/**
 * DETR for the shapes task: a conv backbone down to 8×8 cells, a 1×1 patch embedding into tokens with
 * 2-D sin-cos positions, a 2-layer Transformer encoder, 8 learned object queries through a 2-layer
 * decoder with cross-attention to the encoder's memory, and per query 3 class logits (rectangle,
 * ellipse, no object) and a box; the set loss matches queries to objects with the Hungarian algorithm.
 */
final class DetrShapesTemplate implements TemplateSource {
    static final int WIDTH = 64;
    static final int QUERIES = 8;

    @Override
    public String id() {
        return "detr-shapes";
    }

    @Override
    public Document build() {
        DocumentBuilder g = new DocumentBuilder();
        SppDetectorTemplate.detectionInputs(g);
        String x = SppDetectorTemplate.conv(g, "stem", "image.out", 32, 3, 2, 1);
        x = SppDetectorTemplate.conv(g, "down1", x, WIDTH, 3, 2, 4);
        x = SppDetectorTemplate.conv(g, "down2", x, WIDTH, 3, 2, 7);
        g.nodeAt("tokens", "patch_embed", 10, 0, "patch", 1, "d_model", WIDTH)
                .nodeAt("pos", "sincos2d_pos", 11, 0, "grid_h", 8, "grid_w", 8)
                .nodeAt("enc1", "encoder_block", 12, 0, "d_model", WIDTH, "heads", 4, "hidden", 128)
                .nodeAt("enc2", "encoder_block", 13, 0, "d_model", WIDTH, "heads", 4, "hidden", 128)
                .nodeAt("queries", "object_queries", 13, 2, "queries", QUERIES, "d_model", WIDTH)
                .nodeAt("dec1", "decoder_block", 14, 1, "d_model", WIDTH, "heads", 4, "hidden", 128, "causal", false)
                .nodeAt("dec2", "decoder_block", 15, 1, "d_model", WIDTH, "heads", 4, "hidden", 128, "causal", false)
                .nodeAt("dec_norm", "layernorm", 16, 1)
                .nodeAt("class_head", "linear", 17, 0, "out_features", 3)
                .nodeAt("box_mlp", "linear", 17, 2, "out_features", WIDTH)
                .nodeAt("box_relu", "relu", 18, 2)
                .nodeAt("box_raw", "linear", 19, 2, "out_features", 4)
                .nodeAt("box_head", "query_boxes", 20, 2, "image_size", 64)
                .nodeAt("loss", "detr_set_loss", 21, 1, "l1_cost", 5.0 / 64, "giou_cost", 2.0, "class_cost", 1.0,
                        "eos_coef", 0.1);
        g.wire(x, "tokens.in").wire("tokens.out", "pos.in").wire("pos.out", "enc1.in").wire("enc1.out", "enc2.in")
                .wire("enc2.out", "queries.in").wire("queries.out", "dec1.in").wire("enc2.out", "dec1.memory")
                .wire("dec1.out", "dec2.in").wire("enc2.out", "dec2.memory").wire("dec2.out", "dec_norm.in")
                .wire("dec_norm.out", "class_head.in").wire("dec_norm.out", "box_mlp.in")
                .wire("box_mlp.out", "box_relu.in").wire("box_relu.out", "box_raw.in").wire("box_raw.out", "box_head.in")
                .wire("class_head.out", "loss.pred_logits").wire("box_head.out", "loss.pred_boxes")
                .wire("boxes.out", "loss.target_boxes").wire("labels.out", "loss.target_labels");
        Document doc = g.build();
        doc.setConfig(new TrainingConfig("shapes-detection", "adamw", 1e-3, "cosine", 100, 1e-4, 0.9, 1.0, 16,
                2000, 0, 500, 42L, "auto", "none"));
        return doc;
    }
}
