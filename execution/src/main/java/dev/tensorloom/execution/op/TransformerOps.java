package dev.tensorloom.execution.op;

import dev.tensorloom.execution.op.transformer.AttentionOp;
import dev.tensorloom.execution.op.transformer.DecoderBlockOp;
import dev.tensorloom.execution.op.transformer.EncoderBlockOp;
import dev.tensorloom.execution.op.transformer.FeedForwardOp;
import dev.tensorloom.execution.op.transformer.LearnedPosOp;
import dev.tensorloom.execution.op.transformer.PatchEmbedOp;
import dev.tensorloom.execution.op.transformer.SinCos2dPosOp;
import dev.tensorloom.execution.op.transformer.SinusoidalPosOp;

/** DJL implementations of the Transformer block types. */
final class TransformerOps {
    private TransformerOps() {
    }

    static void register(OpRegistry registry) {
        registry.register("attention", AttentionOp::new);
        registry.register("feedforward", FeedForwardOp::new);
        registry.register("encoder_block", EncoderBlockOp::new);
        registry.register("decoder_block", DecoderBlockOp::new);
        registry.register("sinusoidal_pos", SinusoidalPosOp::new);
        registry.register("learned_pos", LearnedPosOp::new);
        registry.register("sincos2d_pos", SinCos2dPosOp::new);
        registry.register("patch_embed", PatchEmbedOp::new);
        dev.tensorloom.execution.op.generative.GenerativeOps.register(registry);
    }
}
