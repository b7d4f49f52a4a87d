package dev.tensorloom.execution.op.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.model.catalog.Params;
import dev.tensorloom.execution.op.Scalars;

/** The {@code sinusoidal_pos} block: adds the fixed sin-cos table to [B, T, D], optionally scaling x by √D first. */
public final class SinusoidalPosOp implements BlockOp {
    private final boolean scaleInput;

    public SinusoidalPosOp(Params params) {
        this.scaleInput = params.getBool("scale_input");
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray x = inputs.get(0);
        int t = Math.toIntExact(x.getShape().get(1));
        int d = Math.toIntExact(x.getShape().get(2));
        NDArray table = ctx.manager().create(PositionTables.sinusoidal(t, d), new Shape(t, d));
        NDArray scaled = scaleInput ? x.mul(Scalars.of(x, (float) Math.sqrt(d))) : x;
        return new NDList(scaled.add(table));
    }
}
