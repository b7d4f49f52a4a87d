package dev.tensorloom.execution.exec;

import static dev.tensorloom.execution.exec.BlockSample.of;
import static dev.tensorloom.execution.exec.BlockSample.variant;

import java.util.List;

/**
 * A tiny sample of every block type of the standard catalog that has an op. Dropout rates are non-zero
 * where a block has one, so the per-node reseeding is part of what is compared.
 */
final class BlockSamples {
    private BlockSamples() {
    }

    static List<BlockSample> all() {
        return List.of(
                // core layers and spatial blocks
                of("linear", "out_features", 5L).normal("in", 2, 3, 4),
                variant("linear", "no bias", "out_features", 3L, "bias", false).normal("in", 2, 4),
                of("embedding", "vocab", 7L, "dim", 4L).tokens("in", 7, 2, 3),
                of("conv2d", "out_channels", 3L, "kernel", 3L, "stride", 1L, "padding", 1L).normal("in", 2, 2, 5, 5),
                variant("conv2d", "strided", "out_channels", 2L, "kernel", 2L, "stride", 2L, "padding", 0L)
                        .normal("in", 2, 3, 4, 4),
                of("maxpool2d", "kernel", 2L, "stride", 2L).normal("in", 2, 2, 4, 4),
                of("avgpool2d", "kernel", 3L, "stride", 1L, "padding", 1L).normal("in", 2, 2, 4, 4),
                of("adaptive_avgpool2d", "output_size", 2L).normal("in", 2, 3, 4, 4),
                // tensor plumbing
                of("flatten", "start_dim", 1L).normal("in", 2, 2, 3),
                of("reshape", "shape", "3, 2").normal("in", 2, 6),
                of("concat", "axis", -1L).normal("a", 2, 3).normal("b", 2, 2),
                of("split", "axis", -1L, "split_size", 2L).normal("in", 2, 5),
                of("add").normal("a", 2, 3).normal("b", 2, 3),
                of("multiply").normal("a", 2, 3).normal("b", 2, 3),
                // regularisation and normalisation
                of("dropout", "p", 0.3).normal("in", 2, 6),
                of("layernorm").normal("in", 2, 3, 4),
                of("rmsnorm").normal("in", 2, 3, 4),
                of("batchnorm").normal("in", 3, 2, 4),
                of("groupnorm", "groups", 2L).normal("in", 2, 4, 3),
                // activations
                of("relu").normal("in", 2, 5),
                of("gelu").normal("in", 2, 5),
                variant("gelu", "tanh", "approximate", "tanh").normal("in", 2, 5),
                of("silu").normal("in", 2, 5),
                of("tanh").normal("in", 2, 5),
                of("sigmoid").normal("in", 2, 5),
                of("softplus", "beta", 2.0).normal("in", 2, 5),
                of("softmax", "axis", -1L).normal("in", 2, 5),
                // transformer
                of("attention", "d_model", 8L, "heads", 2L, "causal", true, "dropout", 0.2).normal("q_in", 2, 3, 8),
                variant("attention", "cross, qk norm", "d_model", 8L, "heads", 2L, "qk_norm", true, "dropout", 0.1)
                        .normal("q_in", 2, 3, 8).normal("kv_in", 2, 4, 8),
                of("feedforward", "d_model", 8L, "hidden", 16L, "dropout", 0.2).normal("in", 2, 3, 8),
                of("encoder_block", "d_model", 8L, "heads", 2L, "hidden", 16L, "causal", true, "dropout", 0.1)
                        .normal("in", 2, 3, 8),
                variant("encoder_block", "post-norm", "d_model", 8L, "heads", 2L, "hidden", 16L, "norm", "post")
                        .normal("in", 2, 3, 8),
                of("decoder_block", "d_model", 8L, "heads", 2L, "hidden", 16L, "dropout", 0.1)
                        .normal("in", 2, 3, 8).normal("memory", 2, 4, 8),
                of("sinusoidal_pos", "scale_input", true).normal("in", 2, 3, 4),
                of("learned_pos", "max_len", 5L).normal("in", 2, 3, 4),
                of("sincos2d_pos", "grid_h", 2L, "grid_w", 2L).normal("in", 2, 4, 8),
                of("patch_embed", "patch", 2L, "d_model", 8L).normal("in", 2, 2, 4, 4),
                // state space
                of("s4d", "d_model", 4L, "state", 4L).normal("in", 2, 5, 4),
                of("mamba", "d_model", 4L, "state", 3L, "expand", 2L, "conv", 3L).normal("in", 2, 5, 4),
                // flows (two outputs each)
                of("actnorm").normal("in", 3, 4),
                of("additive_coupling", "d", 4L, "hidden", 8L, "layers", 2L).normal("in", 3, 4),
                of("affine_coupling", "d", 4L, "hidden", 8L, "layers", 2L, "mask", "odd").normal("in", 3, 4),
                of("reverse_perm").normal("in", 3, 4),
                of("diag_scale").normal("in", 3, 4),
                // detection
                of("spp").normal("in", 2, 2, 4, 4),
                // losses: pred and target straight from the data (floating ones through a shift)
                of("mse").normal("pred", 2, 3).normal("target", 2, 3),
                of("rf_velocity_mse").normal("pred", 2, 3, 2).normal("target", 2, 3, 2),
                of("cross_entropy").normal("pred", 2, 3, 5).tokens("target", 5, 2, 3),
                of("flow_nll").normal("z", 3, 4).normal("logdet", 3),
                of("giou_loss").boxes("pred", 2, 3, 4).boxes("target", 2, 3, 4),
                of("diou_loss").boxes("pred", 2, 3, 4).boxes("target", 2, 3, 4),
                of("ciou_loss").boxes("pred", 2, 3, 4).boxes("target", 2, 3, 4),
                of("varifocal_loss").normal("pred", 2, 5).unit("target", 2, 5),
                of("detr_set_loss").normal("pred_logits", 2, 3, 4).boxes("pred_boxes", 2, 3, 4)
                        .boxes("target_boxes", 2, 3, 4).labels("target_labels", 3, 2, 3),
                of("l1_loss").normal("pred", 2, 3).normal("target", 2, 3),
                of("rle_loss", "hidden", 8L).normal("pred", 2, 3, 2).unit("sigma", 2, 3, 2).normal("target", 2, 3, 2),
                of("arcface_loss", "classes", 4L).normal("pred", 2, 5).tokens("target", 4, 2),
                // detection heads
                of("dense_boxes", "classes", 2L, "stride", 1L).normal("in", 2, 6, 2, 2),
                of("dense_detection_loss", "stride", 1L).normal("pred_logits", 2, 4, 2).boxes("pred_boxes", 2, 4, 4)
                        .fixedBoxes("target_boxes", 2, 2, 4).labels("target_labels", 2, 2, 2),
                of("object_queries", "queries", 3L, "d_model", 4L).fixedNormal("in", 2, 5),
                of("query_boxes", "image_size", 8.0).normal("in", 2, 3, 4),
                // generative (rectified flow, DiT)
                of("rectified_flow_pair").normal("in", 2, 3),
                of("timestep_embed", "d_model", 8L, "freq_dim", 4L).unit("t", 2),
                of("dit_block", "d_model", 8L, "heads", 2L, "hidden", 16L).normal("in", 2, 3, 8).normal("cond", 2, 8),
                of("dit_final", "d_model", 8L, "patch", 2L, "channels", 1L).normal("in", 2, 3, 8).normal("cond", 2, 8),
                of("unpatchify", "patch", 2L, "channels", 1L, "grid_h", 2L, "grid_w", 2L).normal("in", 2, 4, 4));
    }
}
