package dev.tensorloom.execution.op.transformer;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.model.catalog.Params;

/** The {@code feedforward} block. */
public final class FeedForwardOp implements BlockOp {
    private final FeedForwardLayer layer;

    public FeedForwardOp(Params params) {
        this.layer = new FeedForwardLayer("", params.getInt("d_model"), params.getInt("hidden"),
                params.getString("activation"), params.getDouble("dropout"));
    }

    @Override
    public void initialize(ParameterInit init, Shape[] inputShapes) {
        layer.initialize(init);
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        return new NDList(layer.forward(ctx, inputs.get(0)));
    }
}
