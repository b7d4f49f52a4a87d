package dev.tensorloom.execution.export;

import static dev.tensorloom.execution.export.InputSpec.normal;

import java.util.List;

/** {@link BlockCases} of the core block types: convolution, pooling, normalisation, tensor plumbing, activations. */
final class CoreBlockCases {
    private CoreBlockCases() {
    }

    static List<BlockCase> all() {
        return List.of(
                BlockCase.of("conv2d", List.of(normal(2, 3, 6, 6)), "out_channels", 4L),
                BlockCase.named("conv2d-stride-no-bias", "conv2d", List.of(normal(2, 3, 7, 7)), "out_channels", 5L,
                        "kernel", 3L, "stride", 2L, "padding", 0L, "bias", false),
                BlockCase.named("conv2d-1x1", "conv2d", List.of(normal(2, 4, 5, 5)), "out_channels", 3L, "kernel", 1L,
                        "padding", 0L),
                BlockCase.of("maxpool2d", List.of(normal(2, 3, 6, 6))),
                BlockCase.named("maxpool2d-padded", "maxpool2d", List.of(normal(2, 3, 7, 7)), "kernel", 3L, "stride", 2L,
                        "padding", 1L),
                BlockCase.of("avgpool2d", List.of(normal(2, 3, 6, 6))),
                BlockCase.named("avgpool2d-padded", "avgpool2d", List.of(normal(2, 3, 7, 7)), "kernel", 3L, "stride", 2L,
                        "padding", 1L),
                BlockCase.of("adaptive_avgpool2d", List.of(normal(2, 3, 5, 4))),
                BlockCase.named("adaptive_avgpool2d-uneven", "adaptive_avgpool2d", List.of(normal(2, 3, 7, 5)),
                        "output_size", 3L),
                // one training step moves the running statistics; the evaluation after it normalises with them
                BlockCase.of("batchnorm", List.of(normal(4, 3, 5, 5))),
                BlockCase.named("batchnorm-features", "batchnorm", List.of(normal(6, 5)), "momentum", 0.3, "eps", 1e-3),
                BlockCase.of("groupnorm", List.of(normal(2, 6, 4, 4)), "groups", 3L),
                BlockCase.named("groupnorm-sequence", "groupnorm", List.of(normal(2, 8, 5)), "groups", 2L, "eps", 1e-3),
                BlockCase.of("rmsnorm", List.of(normal(3, 5, 8))),
                BlockCase.named("rmsnorm-eps", "rmsnorm", List.of(normal(3, 8)), "eps", 1e-2),
                // Dropout masks come from each engine's own generator and cannot agree; p = 0 checks the
                // block's wiring and its evaluation-mode identity.
                BlockCase.of("dropout", List.of(normal(3, 8)), "p", 0.0),
                BlockCase.of("flatten", List.of(normal(2, 3, 4, 5))),
                BlockCase.named("flatten-from-2", "flatten", List.of(normal(2, 3, 4, 5)), "start_dim", 2L),
                BlockCase.of("reshape", List.of(normal(2, 12)), "shape", "3, 4"),
                BlockCase.named("reshape-inferred", "reshape", List.of(normal(2, 3, 4)), "shape", "[-1, 2]"),
                BlockCase.of("concat", List.of(normal(2, 3, 4), normal(2, 3, 5))),
                BlockCase.named("concat-axis1", "concat", List.of(normal(2, 3, 4), normal(2, 2, 4)), "axis", 1L),
                BlockCase.of("split", List.of(normal(2, 3, 8))),
                BlockCase.named("split-sized", "split", List.of(normal(2, 3, 4)), "axis", 1L, "split_size", 1L),
                BlockCase.of("multiply", List.of(normal(3, 8), normal(3, 8))),
                BlockCase.of("gelu", List.of(normal(3, 8))),
                BlockCase.named("gelu-tanh", "gelu", List.of(normal(3, 8)), "approximate", "tanh"),
                BlockCase.of("silu", List.of(normal(3, 8))),
                BlockCase.of("tanh", List.of(normal(3, 8))),
                BlockCase.of("sigmoid", List.of(normal(3, 8))),
                BlockCase.of("softplus", List.of(normal(3, 8))),
                BlockCase.named("softplus-beta", "softplus", List.of(normal(3, 8)), "beta", 12.5),
                BlockCase.of("softmax", List.of(normal(3, 4, 8))),
                BlockCase.named("softmax-axis1", "softmax", List.of(normal(3, 4, 8)), "axis", 1L));
    }
}
