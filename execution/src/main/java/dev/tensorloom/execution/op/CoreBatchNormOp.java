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
            // Viewed as [B, C, L]; the engine's mean takes one axis at a time, and since every example
            // has L values per channel, the mean over examples of per-example means is the channel mean.
            Shape shape = x.getShape();
            NDArray grouped = x.reshape(new Shape(shape.get(0), shape.get(1), -1));
            NDArray mean = channelMean(grouped);
            NDArray centred = grouped.sub(mean);
            NDArray variance = channelMean(centred.square());
            normalised = centred.div(variance.add(Scalars.of(variance, eps)).sqrt()).reshape(shape);
            if (!ctx.recomputing()) {
                long perChannel = x.size() / shape.get(1);
                NDArray unbiased = variance.mul(Scalars.of(variance, (float) perChannel / Math.max(perChannel - 1, 1)));
                ctx.setBuffer("running_mean", moved(mean, ctx.buffer("running_mean")));
                ctx.setBuffer("running_var", moved(unbiased, ctx.buffer("running_var")));
            }
        } else {
            NDArray mean = CoreArrays.perChannel(ctx, ctx.buffer("running_mean"), rank);
            NDArray variance = CoreArrays.perChannel(ctx, ctx.buffer("running_var"), rank);
            normalised = x.sub(mean).div(variance.add(Scalars.of(variance, eps)).sqrt());
        }
        return new NDList(normalised.mul(CoreArrays.perChannel(ctx, ctx.param("gamma"), rank))
                .add(CoreArrays.perChannel(ctx, ctx.param("beta"), rank)));
    }

    /** running + momentum · (batch − running), with the batch statistic first so the result is the node's. */
    private NDArray moved(NDArray batchStat, NDArray running) {
        NDArray stat = batchStat.stopGradient().reshape(running.getShape());
        return stat.sub(running).mul(Scalars.of(stat, momentum)).add(running);
    }

    /** Mean over axes 0 and 2 of a [B, C, L] array, kept as [1, C, 1]. */
    private static NDArray channelMean(NDArray grouped) {
        return grouped.mean(new int[] {2}, true).mean(new int[] {0}, true);
    }
}
