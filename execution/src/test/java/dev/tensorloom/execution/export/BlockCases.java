package dev.tensorloom.execution.export;

import static dev.tensorloom.execution.export.InputSpec.indices;
import static dev.tensorloom.execution.export.InputSpec.normal;

import java.util.ArrayList;
import java.util.List;

/**
 * The cases {@link BlockEquivalenceTest} runs: at least one per block type of the catalog, with the
 * parameter values that change what the block computes.
 */
final class BlockCases {
    private BlockCases() {
    }

    static List<BlockCase> all() {
        List<BlockCase> cases = new ArrayList<>();
        cases.add(BlockCase.of("linear", List.of(normal(3, 5, 8)), "out_features", 6L));
        cases.add(BlockCase.named("linear-no-bias", "linear", List.of(normal(4, 8)), "out_features", 3L, "bias", false));
        cases.add(BlockCase.of("embedding", List.of(indices(10, 3, 7)), "vocab", 10L, "dim", 6L));
        cases.add(BlockCase.of("layernorm", List.of(normal(3, 5, 8))));
        cases.add(BlockCase.of("relu", List.of(normal(3, 8))));
        cases.add(BlockCase.of("add", List.of(normal(3, 8), normal(3, 8))));
        cases.add(BlockCase.of("mse", List.of(normal(3, 8), normal(3, 8))));
        cases.add(BlockCase.of("cross_entropy", List.of(normal(3, 5, 10), indices(10, 3, 5))));
        cases.add(BlockCase.named("cross_entropy-ignore", "cross_entropy", List.of(normal(3, 5, 10), indices(10, 3, 5)),
                "ignore_index", 3L));
        cases.add(BlockCase.of("sinusoidal_pos", List.of(normal(2, 7, 8)), "scale_input", true));
        cases.add(BlockCase.of("encoder_block", List.of(normal(2, 5, 16)), "d_model", 16L, "heads", 4L, "hidden", 32L));
        cases.add(BlockCase.named("encoder_block-post-causal", "encoder_block", List.of(normal(2, 5, 16)), "d_model", 16L,
                "heads", 2L, "hidden", 24L, "norm", "post", "causal", true));
        cases.addAll(CoreBlockCases.all());
        cases.addAll(TransformerBlockCases.all());
        cases.addAll(FlowBlockCases.all());
        cases.addAll(StateSpaceBlockCases.all());
        return cases;
    }
}
