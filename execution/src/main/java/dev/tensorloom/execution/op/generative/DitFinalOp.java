package dev.tensorloom.execution.op.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.Initializer;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.model.catalog.Params;

/**
 * The {@code dit_final} layer: shift, scale = Linear(SiLU(cond)) (ada_w [2d, d], ada_b), then
 * Linear(LN(x)·(1 + scale) + shift) to patch²·C values per token (w [P, d], b); all zero-initialised as
 * in DiT, so the untrained model predicts velocity 0.
 */
public final class DitFinalOp implements BlockOp {
    private final int width;
    private final int out;

    public DitFinalOp(Params params) {
        this.width = params.getInt("d_model");
        this.out = params.getInt("patch") * params.getInt("patch") * params.getInt("channels");
    }

    @Override
    public void initialize(ParameterInit init, Shape[] inputShapes) {
        init.parameter("ada_w", new Shape(2L * width, width), Initializer.ZEROS);
        init.parameter("ada_b", new Shape(2L * width), Initializer.ZEROS);
        init.parameter("w", new Shape(out, width), Initializer.ZEROS);
        init.parameter("b", new Shape(out), Initializer.ZEROS);
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDList m = Modulation.chunks(ctx, inputs.get(1), "ada_w", "ada_b", 2);
        NDArray h = Modulation.modulate(Modulation.layerNorm(inputs.get(0)), m.get(0), m.get(1));
        return new NDList(Linear.linear(h, ctx.param("w"), ctx.param("b")).singletonOrThrow());
    }
}
