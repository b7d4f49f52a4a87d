package dev.tensorloom.execution.op.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.RandomDraws;
import ai.djl.ndarray.NDManager;
import java.util.List;
import dev.tensorloom.execution.op.Scalars;
import dev.tensorloom.model.catalog.Params;

/**
 * The {@code rectified_flow_pair} block: draws t and ε here, inside the graph, from the engine's
 * generator. The executor reseeds that generator before every node, so a checkpoint recomputation of
 * this node draws the very same t and ε and gradients stay exact. Outputs x_t = (1 − t)·x0 + t·ε, t and
 * the velocity target ε − x0 (the direction from data at t = 0 to noise at t = 1).
 */
public final class RectifiedFlowPairOp implements BlockOp, RandomDraws {
    private final boolean uniform;
    private final float mean;
    private final float std;

    public RectifiedFlowPairOp(Params params) {
        this.uniform = "uniform".equals(params.getString("t_sampling"));
        this.mean = (float) params.getDouble("mean");
        this.std = (float) params.getDouble("std");
    }

    @Override
    public List<String> drawNames() {
        return List.of("t", "noise");
    }

    /** t [B] (uniform or logit-normal) and ε, shaped like x0, in that order. */
    @Override
    public NDList draw(NDManager manager, Shape[] inputShapes) {
        Shape shape = inputShapes[0];
        long batch = shape.get(0);
        NDArray t = uniform
                ? manager.randomUniform(0f, 1f, new Shape(batch), DataType.FLOAT32)
                : Activation.sigmoid(manager.randomNormal(mean, std, new Shape(batch), DataType.FLOAT32));
        NDArray noise = manager.randomNormal(0f, 1f, shape, DataType.FLOAT32);
        return new NDList(t, noise);
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray x0 = inputs.get(0);
        Shape shape = x0.getShape();
        NDList drawn = draw(ctx.manager(), new Shape[] {shape});
        NDArray t = drawn.get(0);
        NDArray noise = drawn.get(1);
        NDArray tb = broadcastable(t, shape.dimension());
        NDArray xt = x0.mul(tb.neg().add(Scalars.of(tb, 1f))).add(noise.mul(tb));
        return new NDList(xt, t, noise.sub(x0));
    }

    /** t [B] as [B, 1, …, 1] so it scales every element of example b. */
    static NDArray broadcastable(NDArray t, int rank) {
        long[] dims = new long[rank];
        java.util.Arrays.fill(dims, 1);
        dims[0] = t.getShape().get(0);
        return t.reshape(new Shape(dims));
    }
}
