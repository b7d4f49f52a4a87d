package dev.tensorloom.execution.op.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.model.catalog.Params;

/** The {@code sincos2d_pos} block: adds {@link PositionTables#sinCos2d} to grid tokens [B, grid_h·grid_w, D]. */
public final class SinCos2dPosOp implements BlockOp {
    private final int gridH;
    private final int gridW;

    public SinCos2dPosOp(Params params) {
        this.gridH = params.getInt("grid_h");
        this.gridW = params.getInt("grid_w");
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray x = inputs.get(0);
        long n = x.getShape().get(1);
        int d = Math.toIntExact(x.getShape().get(2));
        if (n != (long) gridH * gridW) {
            throw new IllegalArgumentException(ctx.nodeId() + ": " + n + " tokens do not fill a " + gridH + " × " + gridW + " grid");
        }
        NDArray table = ctx.manager().create(PositionTables.sinCos2d(gridH, gridW, d), new Shape(n, d));
        return new NDList(x.add(table));
    }
}
