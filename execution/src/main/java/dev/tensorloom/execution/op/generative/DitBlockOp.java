package dev.tensorloom.execution.op.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.execution.op.transformer.FeedForwardLayer;
import dev.tensorloom.execution.op.transformer.MultiHeadAttention;
import dev.tensorloom.model.catalog.Params;

/**
 * The {@code dit_block} (Peebles and Xie 2023, adaLN-Zero): Linear(SiLU(cond)) (ada_w [6d, d], ada_b,
 * both zero so the block starts as the identity) gives shift1, scale1, gate1, shift2, scale2, gate2;
 * x ← x + gate1·Attn(LN(x)·(1 + scale1) + shift1); x ← x + gate2·MLP(LN(x)·(1 + scale2) + shift2).
 * Attention parameters are prefixed {@code attn_}, MLP (GELU) parameters {@code mlp_}.
 */
public final class DitBlockOp implements BlockOp {
    private final int width;
    private final MultiHeadAttention attention;
    private final FeedForwardLayer mlp;

    public DitBlockOp(Params params) {
        this.width = params.getInt("d_model");
        this.attention = new MultiHeadAttention("attn", width, params.getInt("heads"), params.getBool("qk_norm"), 0.0);
        this.mlp = new FeedForwardLayer("mlp", width, params.getInt("hidden"), "gelu", 0.0);
    }

    @Override
    public void initialize(ParameterInit init, Shape[] inputShapes) {
        init.parameter("ada_w", new Shape(6L * width, width), Initializer.ZEROS);
        init.parameter("ada_b", new Shape(6L * width), Initializer.ZEROS);
        attention.initialize(init);
        mlp.initialize(init);
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray x = inputs.get(0);
        NDList m = Modulation.chunks(ctx, inputs.get(1), "ada_w", "ada_b", 6);
        NDArray h = Modulation.modulate(Modulation.layerNorm(x), m.get(0), m.get(1));
        MultiHeadAttention.Result attended = attention.forward(ctx, h, null, false);
        ctx.publish("attention", attended.weights());
        x = x.add(attended.out().mul(m.get(2).expandDims(1)));
        NDArray h2 = Modulation.modulate(Modulation.layerNorm(x), m.get(3), m.get(4));
        return new NDList(x.add(mlp.forward(ctx, h2).mul(m.get(5).expandDims(1))));
    }
}
