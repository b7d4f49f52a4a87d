package dev.tensorloom.execution.op.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;

/**
 * Spatial pyramid pooling: max over the bins of 1×1, 2×2 and 4×4 grids. Bin i of n along an axis of
 * size S spans {@code [floor(i·S/n), ceil((i+1)·S/n))}, so any input size works (bins may overlap when
 * S is not a multiple of n, never empty). Output {@code [B, 21·C]}: level by level, and within a level
 * channel-major ({@code [C, n, n]} flattened), as {@code max_pool2d(...).view(B, -1)} would give.
 */
public final class SppOp implements BlockOp {
    static final int[] LEVELS = {1, 2, 4};

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray x = inputs.get(0);
        long b = x.getShape().get(0);
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        NDList levels = new NDList();
        for (int n : LEVELS) {
            NDList bins = new NDList();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    NDIndex bin = new NDIndex(":, :, {}:{}, {}:{}", start(i, h, n), end(i, h, n), start(j, w, n), end(j, w, n));
                    bins.add(x.get(bin).max(new int[] {3}).max(new int[] {2}));
                }
            }
            levels.add(NDArrays.stack(bins, 2).reshape(b, -1));
        }
        return new NDList(NDArrays.concat(levels, 1));
    }

    static long start(int i, long size, int n) {
        return Math.floorDiv(i * size, n);
    }

    static long end(int i, long size, int n) {
        return -Math.floorDiv(-(i + 1) * size, n);
    }
}
