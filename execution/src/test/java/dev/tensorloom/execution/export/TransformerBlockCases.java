package dev.tensorloom.execution.export;

import static dev.tensorloom.execution.export.InputSpec.normal;
import static dev.tensorloom.execution.export.InputSpec.uniform;

import java.util.List;

/** {@link BlockCases} of the Transformer and diffusion-transformer block types. */
final class TransformerBlockCases {
    private TransformerBlockCases() {
    }

    static List<BlockCase> all() {
        return List.of(
                BlockCase.of("attention", List.of(normal(2, 5, 16)), "d_model", 16L, "heads", 4L),
                BlockCase.named("attention-causal-qk_norm", "attention", List.of(normal(2, 5, 16)), "d_model", 16L,
                        "heads", 2L, "causal", true, "qk_norm", true),
                BlockCase.named("attention-cross", "attention", List.of(normal(2, 5, 16), normal(2, 7, 16)), "d_model", 16L,
                        "heads", 4L),
                BlockCase.named("attention-cross-causal-qk_norm", "attention", List.of(normal(2, 5, 16), normal(2, 3, 16)),
                        "d_model", 16L, "heads", 4L, "causal", true, "qk_norm", true),
                BlockCase.of("feedforward", List.of(normal(2, 5, 16)), "d_model", 16L, "hidden", 32L),
                BlockCase.named("feedforward-relu", "feedforward", List.of(normal(2, 5, 16)), "d_model", 16L, "hidden", 24L,
                        "activation", "relu"),
                BlockCase.named("feedforward-silu", "feedforward", List.of(normal(3, 16)), "d_model", 16L, "hidden", 24L,
                        "activation", "silu"),
                BlockCase.of("decoder_block", List.of(normal(2, 5, 16), normal(2, 6, 16)), "d_model", 16L, "heads", 4L,
                        "hidden", 32L),
                BlockCase.named("decoder_block-post-free", "decoder_block", List.of(normal(2, 5, 16), normal(2, 3, 16)),
                        "d_model", 16L, "heads", 2L, "hidden", 24L, "norm", "post", "causal", false),
                BlockCase.of("learned_pos", List.of(normal(2, 5, 8)), "max_len", 9L),
                BlockCase.of("sincos2d_pos", List.of(normal(2, 6, 8)), "grid_h", 2L, "grid_w", 3L),
                BlockCase.of("patch_embed", List.of(normal(2, 3, 8, 8)), "patch", 2L, "d_model", 16L),
                BlockCase.named("patch_embed-wide", "patch_embed", List.of(normal(2, 1, 8, 12)), "patch", 4L, "d_model", 8L),
                BlockCase.of("dit_block", List.of(normal(2, 4, 16), normal(2, 16)), "d_model", 16L, "heads", 4L,
                        "hidden", 32L),
                BlockCase.named("dit_block-no-qk_norm", "dit_block", List.of(normal(2, 4, 16), normal(2, 16)), "d_model", 16L,
                        "heads", 2L, "hidden", 24L, "qk_norm", false),
                BlockCase.of("dit_final", List.of(normal(2, 4, 16), normal(2, 16)), "d_model", 16L, "patch", 2L,
                        "channels", 3L),
                BlockCase.of("timestep_embed", List.of(uniform(1, 3)), "d_model", 16L, "freq_dim", 32L),
                BlockCase.named("timestep_embed-scale", "timestep_embed", List.of(uniform(1, 4)), "d_model", 8L,
                        "freq_dim", 10L, "scale", 3.0),
                BlockCase.of("unpatchify", List.of(normal(2, 6, 12)), "patch", 2L, "channels", 3L, "grid_h", 2L,
                        "grid_w", 3L),
                BlockCase.of("rectified_flow_pair", List.of(normal(3, 1, 4, 4)), "mean", 0.5, "std", 0.8),
                BlockCase.named("rectified_flow_pair-uniform", "rectified_flow_pair", List.of(normal(3, 6)),
                        "t_sampling", "uniform"),
                BlockCase.of("rf_velocity_mse", List.of(normal(3, 1, 4, 4), normal(3, 1, 4, 4))));
    }
}
