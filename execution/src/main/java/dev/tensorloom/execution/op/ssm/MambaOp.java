package dev.tensorloom.execution.op.ssm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.training.initializer.XavierInitializer;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.execution.op.Scalars;

/**
 * The Mamba block on {@code [B, L, D]}: {@code in_proj} splits into (x, z); x goes through a causal
 * depthwise conv1d and SiLU; {@code x_proj} gives (Δ_raw, B, C); {@code Δ = softplus(dt_proj(Δ_raw))};
 * the {@link SelectiveScan} runs with {@code A = −exp(a_log)}; the result is gated by SiLU(z) and
 * projected back by {@code out_proj}. No biases on the projections, as in the reference implementation.
 *
 * <p>Init follows Mamba: {@code a_log = log(1..N)} per channel, {@code d = 1}, dt_proj's bias is the
 * inverse softplus of steps drawn log-uniformly in [1e-3, 1e-1], its weight uniform ±dt_rank^−½.
 */
public record MambaOp(int model, int state, int inner, int kernel, int rank) implements BlockOp {
    static final double DT_MIN = 1e-3;
    static final double DT_MAX = 1e-1;

    /** The op for a block: inner width {@code expand * model}; a {@code dtRank} of 0 means ⌈model / 16⌉. */
    public static MambaOp of(int model, int state, int expand, int kernel, int dtRank) {
        return new MambaOp(model, state, expand * model, kernel, dtRank == 0 ? (model + 15) / 16 : dtRank);
    }

    @Override
    public void initialize(ParameterInit init, Shape[] inputShapes) {
        NDManager m = init.manager();
        init.parameter("in_proj", new Shape(model, 2L * inner), new XavierInitializer());
        init.parameter("conv_w", new Shape(inner, kernel), new NormalInitializer((float) (1 / Math.sqrt(kernel))));
        init.parameter("conv_b", new Shape(inner), Initializer.ZEROS);
        init.parameter("x_proj", new Shape(inner, rank + 2L * state), new XavierInitializer());
        init.parameter("dt_proj_w", new Shape(rank, inner), new UniformInitializer((float) (1 / Math.sqrt(rank))));
        double lo = Math.log(DT_MIN);
        double hi = Math.log(DT_MAX);
        NDArray u = m.randomUniform(0f, 1f, new Shape(inner));
        NDArray dt = u.mul(Scalars.of(u, (float) (hi - lo))).add(Scalars.of(u, (float) lo)).exp();
        // inverse softplus: softplus(log(exp(dt) − 1)) = dt
        init.parameter("dt_proj_b", dt.exp().sub(Scalars.of(dt, 1)).log());
        NDArray n = m.arange(1, state + 1, 1, DataType.FLOAT32);
        init.parameter("a_log", n.log().expandDims(0).repeat(0, inner));
        init.parameter("d", new Shape(inner), Initializer.ONES);
        init.parameter("out_proj", new Shape(inner, model), new XavierInitializer());
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray in = inputs.get(0);
        NDArray xz = in.matMul(ctx.param("in_proj"));
        NDArray x = xz.get(new NDIndex("..., :{}", inner));
        NDArray z = xz.get(new NDIndex("..., {}:", inner));
        NDArray u = silu(causalDepthwiseConv(ctx, x));
        NDArray proj = u.matMul(ctx.param("x_proj"));
        NDArray deltaRaw = proj.get(new NDIndex("..., :{}", rank));
        NDArray b = proj.get(new NDIndex("..., {}:{}", rank, rank + state));
        NDArray c = proj.get(new NDIndex("..., {}:", rank + state));
        NDArray delta = Activation.softPlus(deltaRaw.matMul(ctx.param("dt_proj_w")).add(ctx.param("dt_proj_b")));
        NDArray a = local(ctx, "a_log").exp().neg();
        NDArray y = SelectiveScan.scan(u, delta, a, b, c, ctx.param("d"));
        return new NDList(y.mul(silu(z)).matMul(ctx.param("out_proj")));
    }

    /**
     * {@code y[t] = Σ_k w[k]·x[t − (K−1) + k] + bias}, zero before the sequence starts: a depthwise
     * conv1d padded by K − 1 on both sides, keeping the first L outputs.
     */
    private NDArray causalDepthwiseConv(OpContext ctx, NDArray x) {
        long length = x.getShape().get(1);
        NDArray y = Conv1d.conv1d(x.transpose(0, 2, 1), local(ctx, "conv_w").expandDims(1), ctx.param("conv_b"),
                new Shape(1), new Shape(kernel - 1), new Shape(1), inner).singletonOrThrow();
        return y.get(new NDIndex(":, :, :{}", length)).transpose(0, 2, 1);
    }

    private static NDArray silu(NDArray v) {
        return v.mul(Activation.sigmoid(v));
    }

    /** The parameter as the first operand of a node-local product, so derived arrays land in the node's manager. */
    private static NDArray local(OpContext ctx, String name) {
        NDArray p = ctx.param(name);
        return Scalars.of(ctx.manager(), p, 1f).mul(p);
    }
}
