package dev.tensorloom.execution.op.transformer;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.model.catalog.Params;

/** The {@code attention} block: self-attention over q_in, or cross-attention over kv_in when it is connected. */
public final class AttentionOp implements BlockOp {
    private final MultiHeadAttention attention;
    private final boolean causal;

    public AttentionOp(Params params) {
        this.attention = new MultiHeadAttention("", params.getInt("d_model"), params.getInt("heads"),
                params.getBool("qk_norm"), params.getDouble("dropout"));
        this.causal = params.getBool("causal");
    }

    @Override
    public void initialize(ParameterInit init, Shape[] inputShapes) {
        attention.initialize(init);
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        MultiHeadAttention.Result r = attention.forward(ctx, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, causal);
        ctx.publish("attention", r.weights());
        return new NDList(r.out());
    }
}
