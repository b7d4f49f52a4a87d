package dev.tensorloom.execution.op.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.model.catalog.Params;

/**
 * The {@code unpatchify} block: token (i, j) of a row-major grid holds its patch as (C, p, p) values,
 * the order in which {@code patch_embed}'s convolution weight reads a patch; reassembled into
 * [B, C, grid_h·p, grid_w·p].
 */
public final class UnpatchifyOp implements BlockOp {
    private final int patch;
    private final int channels;
    private final int gridH;
    private final int gridW;

    public UnpatchifyOp(Params params) {
        this.patch = params.getInt("patch");
        this.channels = params.getInt("channels");
        this.gridH = params.getInt("grid_h");
        this.gridW = params.getInt("grid_w");
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray x = inputs.get(0);
        long b = x.getShape().get(0);
        NDArray grid = x.reshape(b, gridH, gridW, channels, patch, patch).transpose(0, 3, 1, 4, 2, 5);
        return new NDList(grid.reshape(b, channels, (long) gridH * patch, (long) gridW * patch));
    }
}
