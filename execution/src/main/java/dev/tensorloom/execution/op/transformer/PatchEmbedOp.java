package dev.tensorloom.execution.op.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.initializer.Initializer;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.model.catalog.Params;

/**
 * The {@code patch_embed} block: a convolution with kernel = stride = patch (weight [d, C, p, p], bias
 * [d]) turns [B, C, H, W] into [B, d, H/p, W/p], flattened and transposed to tokens [B, (H/p)(W/p), d].
 */
public final class PatchEmbedOp implements BlockOp {
    private final int patch;
    private final int width;
    private final int channels;

    public PatchEmbedOp(Params params) {
        this.patch = params.getInt("patch");
        this.width = params.getInt("d_model");
        this.channels = params.getInt("in_channels");
    }

    @Override
    public void initialize(ParameterInit init, Shape[] inputShapes) {
        long c = channels > 0 ? channels : inputShapes[0].get(1);
        init.parameter("weight", new Shape(width, c, patch, patch), TransformerInit.GLOROT);
        init.parameter("bias", new Shape(width), Initializer.ZEROS);
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray x = inputs.get(0);
        Shape s = x.getShape();
        if (s.get(2) % patch != 0 || s.get(3) % patch != 0) {
            throw new IllegalArgumentException(ctx.nodeId() + ": image " + s.get(2) + " × " + s.get(3)
                    + " is not divisible by patch " + patch);
        }
        NDArray grid = Conv2d.conv2d(x, ctx.param("weight"), ctx.param("bias"), new Shape(patch, patch))
                .singletonOrThrow();
        long tokens = (s.get(2) / patch) * (s.get(3) / patch);
        return new NDList(grid.reshape(s.get(0), width, tokens).transpose(0, 2, 1));
    }
}
