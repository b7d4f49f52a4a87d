package dev.tensorloom.execution.op.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.NormalInitializer;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;

/**
 * DETR's learned object queries: a trained {@code [Q, D]} table (initialised N(0, 1) like an embedding)
 * broadcast to {@code [B, Q, D]} for the batch size of the input.
 */
public final class ObjectQueriesOp implements BlockOp {
    private final int queries;
    private final int width;

    public ObjectQueriesOp(int queries, int width) {
        this.queries = queries;
        this.width = width;
    }

    @Override
    public void initialize(ParameterInit init, Shape[] inputShapes) {
        init.parameter("queries", new Shape(queries, width), new NormalInitializer(1f));
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        long batch = inputs.get(0).getShape().get(0);
        NDArray table = ctx.param("queries");
        return new NDList(ctx.manager().zeros(new Shape(batch, queries, width)).add(table));
    }
}
