package dev.tensorloom.execution.op.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.Scalars;

/**
 * DETR's box output: {@code (cx, cy, w, h) = sigmoid(raw)·size}, returned as corners
 * {@code (cx − w/2, cy − h/2, cx + w/2, cy + h/2)} in pixels.
 */
public final class QueryBoxesOp implements BlockOp {
    /** Rows cx, cy, w, h; columns x1, y1, x2, y2. */
    private static final float[] CORNERS = {
        1, 0, 1, 0,
        0, 1, 0, 1,
        -0.5f, 0, 0.5f, 0,
        0, -0.5f, 0, 0.5f};

    private final double size;

    public QueryBoxesOp(double size) {
        this.size = size;
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray centreSize = Activation.sigmoid(inputs.get(0)).mul(Scalars.of(inputs.get(0), (float) size));
        return new NDList(centreSize.matMul(ctx.manager().create(CORNERS, new Shape(4, 4))));
    }
}
