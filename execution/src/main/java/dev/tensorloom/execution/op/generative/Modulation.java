package dev.tensorloom.execution.op.generative;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.Scalars;

/** adaLN helpers shared by the DiT block and final layer: parameter-free LayerNorm, modulation, SiLU. */
final class Modulation {
    static final float LN_EPS = 1e-6f;

    private Modulation() {
    }

    static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    /** LayerNorm over the last dimension without gain or bias (adaLN supplies them). */
    static NDArray layerNorm(NDArray x) {
        NDArray mean = x.mean(new int[] {-1}, true);
        NDArray centred = x.sub(mean);
        NDArray var = centred.square().mean(new int[] {-1}, true);
        return centred.div(var.add(Scalars.of(var, LN_EPS)).sqrt());
    }

    /** x·(1 + scale) + shift with scale and shift [B, d] broadcast over the tokens of x [B, T, d]. */
    static NDArray modulate(NDArray x, NDArray shift, NDArray scale) {
        return x.mul(scale.expandDims(1).add(Scalars.of(scale, 1f))).add(shift.expandDims(1));
    }

    /** Linear(SiLU(cond)) cut into {@code parts} equal [B, d] chunks along the last dimension. */
    static NDList chunks(OpContext ctx, NDArray cond, String weight, String bias, int parts) {
        NDArray mod = Linear.linear(silu(cond), ctx.param(weight), ctx.param(bias)).singletonOrThrow();
        return mod.split(parts, 1);
    }
}
