package dev.tensorloom.execution.op.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.Initializer;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.execution.op.Scalars;
import java.util.Arrays;

/**
 * Multi-head scaled dot-product attention, softmax(QKᵀ/√d_head + mask)·V, with projections
 * wq/bq, wk/bk, wv/bv, wo/bo (weights [d, d] in PyTorch's [out, in] layout). With qk_norm, per-head
 * queries and keys are RMS-normalised and scaled by learnable q_scale / k_scale of width d_head.
 */
public final class MultiHeadAttention {
    static final float QK_NORM_EPS = 1e-6f;
    private final String prefix;
    private final int width;
    private final int heads;
    private final boolean qkNorm;
    private final double dropout;

    /** Attention weights before dropout, [B, heads, T, S], and the block's output [B, T, d]. */
    public record Result(NDArray out, NDArray weights) {
    }

    public MultiHeadAttention(String prefix, int width, int heads, boolean qkNorm, double dropout) {
        if (heads <= 0 || width % heads != 0) {
            throw new IllegalArgumentException("d_model " + width + " is not divisible by heads " + heads);
        }
        this.prefix = prefix;
        this.width = width;
        this.heads = heads;
        this.qkNorm = qkNorm;
        this.dropout = dropout;
    }

    public void initialize(ParameterInit init) {
        for (String p : new String[] {"q", "k", "v", "o"}) {
            init.parameter(name("w" + p), new Shape(width, width), TransformerInit.GLOROT);
            init.parameter(name("b" + p), new Shape(width), Initializer.ZEROS);
        }
        if (qkNorm) {
            init.parameter(name("q_scale"), new Shape(width / heads), Initializer.ONES);
            init.parameter(name("k_scale"), new Shape(width / heads), Initializer.ONES);
        }
    }

    /**
     * Attends from {@code query} [B, T, d] over {@code keyValue} [B, S, d] (the query itself for
     * self-attention). A causal mask hides key j from query i when j > i.
     */
    public Result forward(OpContext ctx, NDArray query, NDArray keyValue, boolean causal) {
        NDArray kv = keyValue == null ? query : keyValue;
        long batch = query.getShape().get(0);
        long t = query.getShape().get(1);
        long s = kv.getShape().get(1);
        NDArray q = splitHeads(project(ctx, query, "q"), batch, t);
        NDArray k = splitHeads(project(ctx, kv, "k"), batch, s);
        NDArray v = splitHeads(project(ctx, kv, "v"), batch, s);
        if (qkNorm) {
            q = rmsNorm(q, ctx.param(name("q_scale")));
            k = rmsNorm(k, ctx.param(name("k_scale")));
        }
        // A libtorch-owned scalar: DJL's div(Number) builds the scalar over a direct buffer it closes at once,
        // but autograd keeps that tensor for the backward, which then reads memory the GC may have freed.
        NDArray scale = ctx.manager().full(new Shape(), (float) Math.sqrt(width / (double) heads));
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div(scale);
        if (causal) {
            scores = scores.add(causalMask(ctx, t, s));
        }
        NDArray weights = scores.softmax(-1);
        NDArray mixed = Dropouts.apply(ctx, weights, dropout).matMul(v);
        NDArray merged = mixed.transpose(0, 2, 1, 3).reshape(batch, t, width);
        NDArray out = Linear.linear(merged, ctx.param(name("wo")), ctx.param(name("bo"))).singletonOrThrow();
        return new Result(out, weights);
    }

    private NDArray project(OpContext ctx, NDArray x, String which) {
        return Linear.linear(x, ctx.param(name("w" + which)), ctx.param(name("b" + which))).singletonOrThrow();
    }

    /** [B, L, d] → [B, heads, L, d_head]. */
    private NDArray splitHeads(NDArray x, long batch, long length) {
        return x.reshape(batch, length, heads, width / heads).transpose(0, 2, 1, 3);
    }

    private static NDArray rmsNorm(NDArray x, NDArray scale) {
        NDArray rms = x.square().mean(new int[] {-1}, true).add(Scalars.of(x, QK_NORM_EPS)).sqrt();
        return x.div(rms).mul(scale);
    }

    /** Additive mask [T, S]: 0 where key j ≤ query i, −∞ above the diagonal. */
    private static NDArray causalMask(OpContext ctx, long t, long s) {
        float[] mask = new float[Math.toIntExact(t * s)];
        for (int i = 0; i < t; i++) {
            Arrays.fill(mask, i * (int) s + Math.min(i + 1, (int) s), (i + 1) * (int) s, Float.NEGATIVE_INFINITY);
        }
        return ctx.manager().create(mask, new Shape(t, s));
    }

    private String name(String n) {
        return TransformerInit.scoped(prefix, n);
    }
}
