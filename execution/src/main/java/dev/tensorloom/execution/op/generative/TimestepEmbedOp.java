package dev.tensorloom.execution.op.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.model.catalog.Params;
import dev.tensorloom.execution.op.Scalars;

/**
 * The {@code timestep_embed} block (DiT's TimestepEmbedder): with u = t·scale and
 * f_i = exp(−ln(10000)·i / (F/2)), features [cos(u·f_i), sin(u·f_i)], then Linear(F → d) (w1, b1),
 * SiLU, Linear(d → d) (w2, b2); weights N(0, 0.02²) as in DiT.
 */
public final class TimestepEmbedOp implements BlockOp {
    static final double MAX_PERIOD = 10000;
    private final int width;
    private final int freqDim;
    private final float scale;

    public TimestepEmbedOp(Params params) {
        this.width = params.getInt("d_model");
        this.freqDim = params.getInt("freq_dim");
        this.scale = (float) params.getDouble("scale");
    }

    @Override
    public void initialize(ParameterInit init, Shape[] inputShapes) {
        Initializer normal = new NormalInitializer(0.02f);
        init.parameter("w1", new Shape(width, freqDim), normal);
        init.parameter("b1", new Shape(width), Initializer.ZEROS);
        init.parameter("w2", new Shape(width, width), normal);
        init.parameter("b2", new Shape(width), Initializer.ZEROS);
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray features = features(ctx, inputs.get(0));
        NDArray h = Linear.linear(features, ctx.param("w1"), ctx.param("b1")).singletonOrThrow();
        h = Modulation.silu(h);
        return new NDList(Linear.linear(h, ctx.param("w2"), ctx.param("b2")).singletonOrThrow());
    }

    /** The sinusoidal features [B, F] of t [B]. */
    NDArray features(OpContext ctx, NDArray t) {
        int half = freqDim / 2;
        float[] freqs = new float[half];
        for (int i = 0; i < half; i++) {
            freqs[i] = (float) Math.exp(-Math.log(MAX_PERIOD) * i / half);
        }
        NDArray f = ctx.manager().create(freqs, new Shape(1, half));
        NDArray args = t.mul(Scalars.of(t, scale)).reshape(t.getShape().get(0), 1).mul(f);
        return NDArrays.concat(new NDList(args.cos(), args.sin()), 1);
    }
}
