package dev.tensorloom.execution.op.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.model.catalog.Params;

/**
 * The {@code decoder_block}: self-attention (self_*; causal unless {@code causal} is off), cross-attention over {@code memory}
 * (cross_*) and a GELU MLP (ffn_*), each inside a residual with LayerNorm (ln1_*, ln2_*, ln3_*).
 * Publishes "attention" (self, [B, heads, T, T]) and "cross_attention" ([B, heads, T, S]).
 */
public final class DecoderBlockOp implements BlockOp {
    private final MultiHeadAttention self;
    private final MultiHeadAttention cross;
    private final FeedForwardLayer ffn;
    private final LayerNormLayer ln1;
    private final LayerNormLayer ln2;
    private final LayerNormLayer ln3;
    private final boolean preNorm;
    private final boolean causal;

    public DecoderBlockOp(Params params) {
        int d = params.getInt("d_model");
        int heads = params.getInt("heads");
        double dropout = params.getDouble("dropout");
        this.self = new MultiHeadAttention("self", d, heads, false, dropout);
        this.cross = new MultiHeadAttention("cross", d, heads, false, dropout);
        this.ffn = new FeedForwardLayer("ffn", d, params.getInt("hidden"), EncoderBlockOp.FFN_ACTIVATION, dropout);
        this.ln1 = new LayerNormLayer("ln1", d);
        this.ln2 = new LayerNormLayer("ln2", d);
        this.ln3 = new LayerNormLayer("ln3", d);
        this.preNorm = "pre".equals(params.getString("norm"));
        this.causal = params.getBool("causal");
    }

    @Override
    public void initialize(ParameterInit init, Shape[] inputShapes) {
        self.initialize(init);
        cross.initialize(init);
        ffn.initialize(init);
        ln1.initialize(init);
        ln2.initialize(init);
        ln3.initialize(init);
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray memory = inputs.get(1);
        NDArray[] weights = new NDArray[2];
        NDArray h = Residual.apply(ctx, preNorm, ln1, inputs.get(0), x -> {
            MultiHeadAttention.Result r = self.forward(ctx, x, null, causal);
            weights[0] = r.weights();
            return r.out();
        });
        h = Residual.apply(ctx, preNorm, ln2, h, x -> {
            MultiHeadAttention.Result r = cross.forward(ctx, x, memory, false);
            weights[1] = r.weights();
            return r.out();
        });
        NDArray out = Residual.apply(ctx, preNorm, ln3, h, x -> ffn.forward(ctx, x));
        ctx.publish("attention", weights[0]);
        ctx.publish("cross_attention", weights[1]);
        return new NDList(out);
    }
}
