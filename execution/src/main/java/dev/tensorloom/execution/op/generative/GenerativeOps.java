package dev.tensorloom.execution.op.generative;

import dev.tensorloom.execution.op.OpRegistry;

/** DJL implementations of the diffusion-transformer block types. */
public final class GenerativeOps {
    private GenerativeOps() {
    }

    public static void register(OpRegistry registry) {
        registry.register("rectified_flow_pair", RectifiedFlowPairOp::new);
        registry.register("timestep_embed", TimestepEmbedOp::new);
        registry.register("dit_block", DitBlockOp::new);
        registry.register("dit_final", DitFinalOp::new);
        registry.register("unpatchify", UnpatchifyOp::new);
    }
}
