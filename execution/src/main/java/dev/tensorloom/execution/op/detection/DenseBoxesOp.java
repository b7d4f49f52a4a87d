package dev.tensorloom.execution.op.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.Scalars;

/**
 * The anchor-free dense box head: a [B, 4+C, H, W] map becomes one prediction per cell, cells in
 * row-major order. Box: {@code (cx − l, cy − t, cx + r, cy + b)} with {@code (l, t, r, b) = softplus(raw)·stride}
 * and cell centre {@code ((j+½)·stride, (i+½)·stride)}; the remaining C channels are class logits.
 */
public final class DenseBoxesOp implements BlockOp {
    private final int classes;
    private final double stride;

    public DenseBoxesOp(int classes, double stride) {
        this.classes = classes;
        this.stride = stride;
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray x = inputs.get(0);
        Shape nchw = x.getShape();
        if (nchw.get(1) != 4 + classes) {
            throw new IllegalArgumentException("dense box head expects " + (4 + classes) + " channels, got "
                    + nchw.get(1));
        }
        long h = nchw.get(2);
        long w = nchw.get(3);
        NDArray cells = x.transpose(0, 2, 3, 1).reshape(nchw.get(0), h * w, 4 + classes);
        NDArray distances = Activation.softPlus(cells.get(new NDIndex("..., :4")));
        NDArray signs = ctx.manager().create(new float[] {-1, -1, 1, 1});
        NDArray boxes = distances.mul(signs.mul(Scalars.of(signs, (float) stride)))
                .add(centres(ctx, h, w));
        return new NDList(boxes, cells.get(new NDIndex("..., 4:")));
    }

    /** {@code [H·W, 4]} rows (cx, cy, cx, cy) of every cell centre. */
    private NDArray centres(OpContext ctx, long h, long w) {
        float[] c = new float[(int) (h * w * 4)];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                int o = (int) ((i * w + j) * 4);
                c[o] = (float) ((j + 0.5) * stride);
                c[o + 1] = (float) ((i + 0.5) * stride);
                c[o + 2] = c[o];
                c[o + 3] = c[o + 1];
            }
        }
        return ctx.manager().create(c, new Shape(h * w, 4));
    }
}
