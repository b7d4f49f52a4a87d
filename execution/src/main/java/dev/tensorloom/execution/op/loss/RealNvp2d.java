package dev.tensorloom.execution.op.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.UniformInitializer;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.execution.op.Scalars;

/**
 * The RealNVP density on 2-D points used by RLE (Li et al. 2021, their RealNVP with masks [[0,1],[1,0]]×3):
 * coupling i has nets s_i (ending in tanh) and t_i, each 2 → h → h → 2 with LeakyReLU(0.01); log G(x) is
 * computed data-to-base by running the couplings backwards: for i = n−1 … 0, z_a = mask_i·z,
 * s = s_i(z_a)·(1 − mask_i), t = t_i(z_a)·(1 − mask_i), z = z_a + (1 − mask_i)·(z − t)·exp(−s),
 * log det −= Σ s; then log G(x) = −½|z|² − log 2π + log det (prior N(0, I)). Weights and biases start as
 * PyTorch's nn.Linear does, U(±1/√fan_in), as in the reference (its RealNVP never re-initialises them).
 */
final class RealNvp2d {
    static final float LEAK = 0.01f;
    private final int couplings;
    private final int hidden;

    RealNvp2d(int couplings, int hidden) {
        this.couplings = couplings;
        this.hidden = hidden;
    }

    void initialize(ParameterInit init) {
        Initializer fromInput = new UniformInitializer((float) (1 / Math.sqrt(2)));
        Initializer fromHidden = new UniformInitializer((float) (1 / Math.sqrt(hidden)));
        for (int i = 0; i < couplings; i++) {
            for (String net : new String[] {"s", "t"}) {
                String p = "c" + i + "_" + net + "_";
                init.parameter(p + "w1", new Shape(hidden, 2), fromInput);
                init.parameter(p + "b1", new Shape(hidden), fromInput);
                init.parameter(p + "w2", new Shape(hidden, hidden), fromHidden);
                init.parameter(p + "b2", new Shape(hidden), fromHidden);
                init.parameter(p + "w3", new Shape(2, hidden), fromHidden);
                init.parameter(p + "b3", new Shape(2), fromHidden);
            }
        }
    }

    /** Mask of coupling i: [0, 1] for even i, [1, 0] for odd i (1 marks the conditioning coordinate). */
    static float[] mask(int i) {
        return i % 2 == 0 ? new float[] {0, 1} : new float[] {1, 0};
    }

    /** log G(x) for points x [N, 2], as [N]. */
    NDArray logProb(OpContext ctx, NDArray x) {
        NDArray z = x;
        NDArray logDet = null;
        for (int i = couplings - 1; i >= 0; i--) {
            NDArray mask = ctx.manager().create(mask(i), new Shape(1, 2));
            NDArray free = mask.neg().add(Scalars.of(mask, 1f));
            NDArray za = z.mul(mask);
            NDArray s = net(ctx, za, i, "s", true).mul(free);
            NDArray t = net(ctx, za, i, "t", false).mul(free);
            z = za.add(z.sub(t).mul(s.neg().exp()).mul(free));
            NDArray sum = s.sum(new int[] {1});
            logDet = logDet == null ? sum.neg() : logDet.sub(sum);
        }
        NDArray base = z.square().sum(new int[] {1}).mul(Scalars.of(z, -0.5f)).sub(Scalars.of(z, (float) Math.log(2 * Math.PI)));
        return logDet == null ? base : base.add(logDet);
    }

    private NDArray net(OpContext ctx, NDArray in, int i, String net, boolean tanh) {
        String p = "c" + i + "_" + net + "_";
        NDArray h = Activation.leakyRelu(Linear.linear(in, ctx.param(p + "w1"), ctx.param(p + "b1")).singletonOrThrow(), LEAK);
        h = Activation.leakyRelu(Linear.linear(h, ctx.param(p + "w2"), ctx.param(p + "b2")).singletonOrThrow(), LEAK);
        NDArray out = Linear.linear(h, ctx.param(p + "w3"), ctx.param(p + "b3")).singletonOrThrow();
        return tanh ? out.tanh() : out;
    }
}
