package dev.tensorloom.execution.op.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.model.catalog.Params;

/**
 * The {@code encoder_block}: self-attention (parameters attn_*) and a GELU MLP (ffn_*), each inside a
 * residual with LayerNorm (ln1_*, ln2_*). Publishes the self-attention weights as "attention".
 */
public final class EncoderBlockOp implements BlockOp {
    static final String FFN_ACTIVATION = "gelu";
    private final MultiHeadAttention attention;
    private final FeedForwardLayer ffn;
    private final LayerNormLayer ln1;
    private final LayerNormLayer ln2;
    private final boolean preNorm;
    private final boolean causal;

    public EncoderBlockOp(Params params) {
        int d = params.getInt("d_model");
        double dropout = params.getDouble("dropout");
        this.attention = new MultiHeadAttention("attn", d, params.getInt("heads"), false, dropout);
        this.ffn = new FeedForwardLayer("ffn", d, params.getInt("hidden"), FFN_ACTIVATION, dropout);
        this.ln1 = new LayerNormLayer("ln1", d);
        this.ln2 = new LayerNormLayer("ln2", d);
        this.preNorm = "pre".equals(params.getString("norm"));
        this.causal = params.getBool("causal");
    }

    @Override
    public void initialize(ParameterInit init, Shape[] inputShapes) {
        attention.initialize(init);
        ffn.initialize(init);
        ln1.initialize(init);
        ln2.initialize(init);
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray[] weights = new NDArray[1];
        NDArray h = Residual.apply(ctx, preNorm, ln1, inputs.get(0), x -> {
            MultiHeadAttention.Result r = attention.forward(ctx, x, null, causal);
            weights[0] = r.weights();
            return r.out();
        });
        NDArray out = Residual.apply(ctx, preNorm, ln2, h, x -> ffn.forward(ctx, x));
        ctx.publish("attention", weights[0]);
        return new NDList(out);
    }
}
