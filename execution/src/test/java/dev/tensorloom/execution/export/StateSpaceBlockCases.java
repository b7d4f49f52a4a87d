package dev.tensorloom.execution.export;

import static dev.tensorloom.execution.export.InputSpec.normal;

import java.util.List;

/**
 * {@link BlockCases} of the state-space block types: Mamba with the default and an explicit Δ rank and a
 * one-tap convolution, S4D with each initialisation.
 */
final class StateSpaceBlockCases {
    private StateSpaceBlockCases() {
    }

    static List<BlockCase> all() {
        return List.of(
                BlockCase.of("mamba", List.of(normal(2, 6, 8)), "d_model", 8L, "state", 4L, "expand", 2L, "conv", 3L),
                BlockCase.named("mamba-rank-pointwise", "mamba", List.of(normal(3, 5, 6)), "d_model", 6L, "state", 3L,
                        "expand", 1L, "conv", 1L, "dt_rank", 2L),
                BlockCase.of("s4d", List.of(normal(2, 7, 4)), "d_model", 4L, "state", 6L),
                BlockCase.named("s4d-legs", "s4d", List.of(normal(2, 9, 3)), "d_model", 3L, "state", 8L, "init", "legs",
                        "dt_min", 0.01, "dt_max", 0.5));
    }
}
