package dev.tensorloom.execution.op.ssm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.NormalInitializer;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.execution.op.Scalars;

/**
 * S4D layer on {@code [B, L, H]}: per channel a diagonal complex SSM with M = state/2 modes (each
 * standing for a conjugate pair), discretised by zero-order hold and applied as a causal convolution
 * with its kernel ({@link S4dKernel}), plus a skip {@code D·u}.
 *
 * <p>Trainable: {@code log_dt [H]} (log-uniform in [dt_min, dt_max]), {@code log_a_real [H, M]}
 * (A's real part is −exp of it, so it stays stable), {@code a_imag [H, M]}, {@code c_re, c_im [H, M]}
 * (normal, variance ½ each) and {@code d [H]}. B is a fixed buffer ({@code b_re, b_im [M]}): trainable
 * C already scales each mode. Init {@code lin}: A = −½ + iπm, B = 1. Init {@code legs}:
 * A and B from {@link HippoLegS#diagonalModes}.
 */
public record S4dOp(int channels, int modes, boolean legs, double dtMin, double dtMax) implements BlockOp {

    /** The op for a block of {@code state} state dimensions (conjugate pairs: half as many modes), {@code init} legs or lin. */
    public static S4dOp of(int channels, int state, String init, double dtMin, double dtMax) {
        return new S4dOp(channels, state / 2, "legs".equals(init), dtMin, dtMax);
    }

    @Override
    public void initialize(ParameterInit init, Shape[] inputShapes) {
        NDManager m = init.manager();
        double lo = Math.log(dtMin);
        double hi = Math.log(dtMax);
        NDArray u = m.randomUniform(0f, 1f, new Shape(channels));
        init.parameter("log_dt", u.mul(Scalars.of(u, (float) (hi - lo))).add(Scalars.of(u, (float) lo)));
        float[] re = new float[channels * modes];
        float[] im = new float[channels * modes];
        float[] bRe = new float[modes];
        float[] bIm = new float[modes];
        HippoLegS.Mode[] legsModes = legs ? HippoLegS.diagonalModes(2 * modes) : null;
        for (int j = 0; j < modes; j++) {
            bRe[j] = legs ? (float) legsModes[j].bRe() : 1f;
            bIm[j] = legs ? (float) legsModes[j].bIm() : 0f;
            for (int h = 0; h < channels; h++) {
                re[h * modes + j] = (float) Math.log(legs ? -legsModes[j].re() : 0.5);
                im[h * modes + j] = (float) (legs ? legsModes[j].im() : Math.PI * j);
            }
        }
        Shape hm = new Shape(channels, modes);
        init.parameter("log_a_real", m.create(re, hm));
        init.parameter("a_imag", m.create(im, hm));
        init.parameter("c_re", hm, new NormalInitializer((float) Math.sqrt(0.5)));
        init.parameter("c_im", hm, new NormalInitializer((float) Math.sqrt(0.5)));
        init.parameter("d", new Shape(channels), new NormalInitializer(1f));
        init.buffer("b_re", m.create(bRe));
        init.buffer("b_im", m.create(bIm));
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray u = inputs.get(0);
        NDArray kernel = S4dKernel.kernel(local(ctx, "log_dt"), local(ctx, "log_a_real").exp().neg(),
                ctx.param("a_imag"), local(ctx, "c_re"), local(ctx, "c_im"), ctx.buffer("b_re"), ctx.buffer("b_im"),
                (int) u.getShape().get(1));
        return new NDList(S4dKernel.causalConvolution(u, kernel).add(u.mul(ctx.param("d"))));
    }

    /** The parameter as the first operand of a node-local product, so derived arrays land in the node's manager. */
    private static NDArray local(OpContext ctx, String name) {
        NDArray p = ctx.param(name);
        return Scalars.of(ctx.manager(), p, 1f).mul(p);
    }
}
