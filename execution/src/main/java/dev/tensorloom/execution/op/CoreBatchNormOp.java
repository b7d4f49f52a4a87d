package dev.tensorloom.execution.op;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import dev.tensorloom.model.catalog.Params;

/**
 * Batch normalisation over every dimension but the channel (1). Training normalises with the batch's
 * statistics and moves the running mean and (unbiased) variance buffers by {@code momentum}, as PyTorch
 * does; evaluation uses the running statistics. Written out rather than calling the native batch norm
 * because that one updates the buffers in place, which a recomputation under checkpointing must not do.
 */
final class CoreBatchNormOp implements BlockOp {
    private final float momentum;
    private final float eps;

    CoreBatchNormOp(Params params) {
        momentum = (float) params.getDouble("momentum");
        eps = (float) params.getDouble("eps");
    }

    @Override
    public void initialize(ParameterInit init, Shape[] inputShapes) {
        Shape channels = new Shape(inputShapes[0].get(1));
        init.parameter("gamma", channels, Initializer.ONES);
        init.parameter("beta", channels, Initializer.ZEROS);
        init.buffer("running_mean", init.manager().zeros(channels));
        init.buffer("running_var", init.manager().ones(channels));
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray x = inputs.get(0);
        int rank = x.getShape().dimension();
        NDArray normalised;
        if (ctx.training()) {
            int[] axes = reducedAxes(rank);
            NDArray mean = x.mean(axes, true);
            NDArray centred = x.sub(mean);
            NDArray variance = centred.square().mean(axes, true);
            normalised = centred.div(variance.add(eps).sqrt());
            if (!ctx.recomputing()) {
                long perChannel = x.size() / x.getShape().get(1);
                NDArray unbiased = variance.mul((float) perChannel / Math.max(perChannel - 1, 1));
                ctx.setBuffer("running_mean", moved(mean, ctx.buffer("running_mean")));
                ctx.setBuffer("running_var", moved(unbiased, ctx.buffer("running_var")));
            }
        } else {
            NDArray mean = CoreArrays.perChannel(ctx, ctx.buffer("running_mean"), rank);
            NDArray variance = CoreArrays.perChannel(ctx, ctx.buffer("running_var"), rank);
            normalised = x.sub(mean).div(variance.add(eps).sqrt());
        }
        return new NDList(normalised.mul(CoreArrays.perChannel(ctx, ctx.param("gamma"), rank))
                .add(CoreArrays.perChannel(ctx, ctx.param("beta"), rank)));
    }

    /** running + momentum · (batch − running), with the batch statistic first so the result is the node's. */
    private NDArray moved(NDArray batchStat, NDArray running) {
        NDArray stat = batchStat.stopGradient().reshape(running.getShape());
        return stat.sub(running).mul(momentum).add(running);
    }

    private static int[] reducedAxes(int rank) {
        int[] axes = new int[rank - 1];
        axes[0] = 0;
        for (int i = 2; i < rank; i++) {
            axes[i - 1] = i;
        }
        return axes;
    }
}
