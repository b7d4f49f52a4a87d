package dev.tensorloom.execution.export;

import static dev.tensorloom.execution.export.InputSpec.normal;

import java.util.List;

/** {@link BlockCases} of the normalizing-flow block types and their loss: every coupling with each mask. */
final class FlowBlockCases {
    private FlowBlockCases() {
    }

    static List<BlockCase> all() {
        return List.of(
                BlockCase.of("actnorm", List.of(normal(4, 5))),
                BlockCase.of("diag_scale", List.of(normal(4, 5))),
                BlockCase.of("reverse_perm", List.of(normal(4, 5))),
                BlockCase.of("additive_coupling", List.of(normal(4, 5)), "d", 5L, "hidden", 8L, "layers", 2L),
                BlockCase.named("additive_coupling-odd", "additive_coupling", List.of(normal(4, 4)), "d", 4L, "hidden", 6L,
                        "layers", 1L, "mask", "odd"),
                BlockCase.of("affine_coupling", List.of(normal(4, 5)), "d", 5L, "hidden", 8L, "layers", 2L),
                BlockCase.named("affine_coupling-odd", "affine_coupling", List.of(normal(4, 4)), "d", 4L, "hidden", 6L,
                        "layers", 3L, "mask", "odd"),
                BlockCase.of("flow_nll", List.of(normal(4, 3), normal(4))));
    }
}
