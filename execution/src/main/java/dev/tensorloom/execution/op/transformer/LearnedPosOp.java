package dev.tensorloom.execution.op.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.NormalInitializer;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.model.catalog.Params;

/** The {@code learned_pos} block: adds the first T rows of a trainable table [max_len, D] (normal init, std 0.02). */
public final class LearnedPosOp implements BlockOp {
    private final int maxLen;

    public LearnedPosOp(Params params) {
        this.maxLen = params.getInt("max_len");
    }

    @Override
    public void initialize(ParameterInit init, Shape[] inputShapes) {
        init.parameter("table", new Shape(maxLen, inputShapes[0].get(2)), new NormalInitializer(0.02f));
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray x = inputs.get(0);
        long t = x.getShape().get(1);
        if (t > maxLen) {
            throw new IllegalArgumentException(ctx.nodeId() + ": sequence length " + t + " exceeds max_len " + maxLen);
        }
        NDArray rows = ctx.param("table").get(new NDIndex("0:{}", t));
        // the slice would otherwise live as long as the parameter; it belongs to this evaluation
        rows.attach(ctx.manager());
        return new NDList(x.add(rows));
    }
}
