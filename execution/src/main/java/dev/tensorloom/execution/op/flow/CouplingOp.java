package dev.tensorloom.execution.op.flow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.execution.op.Scalars;

/**
 * Coupling layer with a checkerboard-style feature mask: the conditioning features (even or odd
 * indices) pass through unchanged and drive an MLP that shifts (NICE, additive) or scales and shifts
 * (RealNVP, affine) the others. The MLP sees {@code x·mask}, so any D works, odd ones included.
 * Its last layer starts at zero, so a fresh coupling is the identity (the usual stable start).
 *
 * <p>Parameters: {@code w0, b0 … w{layers}, b{layers}}; the last maps to D (additive) or 2·D
 * (affine: log-scale then shift).
 */
public record CouplingOp(boolean affine, int d, int hidden, int layers, boolean evenConditions) implements InvertibleOp {

    /** The op for a coupling block; {@code mask} {@code even} conditions on the even features. */
    public static CouplingOp of(boolean affine, int d, int hidden, int layers, String mask) {
        return new CouplingOp(affine, d, hidden, layers, "even".equals(mask));
    }

    @Override
    public void initialize(ParameterInit init, Shape[] inputShapes) {
        long width = inputShapes[0].get(inputShapes[0].dimension() - 1);
        if (width != d) {
            throw new IllegalArgumentException("coupling expects " + d + " features, got " + width);
        }
        int in = d;
        for (int i = 0; i < layers; i++) {
            init.parameter("w" + i, new Shape(in, hidden), new XavierInitializer());
            init.parameter("b" + i, new Shape(hidden), Initializer.ZEROS);
            in = hidden;
        }
        int out = affine ? 2 * d : d;
        init.parameter("w" + layers, new Shape(in, out), Initializer.ZEROS);
        init.parameter("b" + layers, new Shape(out), Initializer.ZEROS);
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray x = inputs.get(0);
        Halves h = conditioner(ctx, x);
        if (!affine) {
            return new NDList(x.add(h.shift), x.get(new NDIndex(":, 0")).zerosLike());
        }
        return new NDList(x.mul(h.logScale.exp()).add(h.shift), h.logScale.sum(new int[] {1}));
    }

    @Override
    public NDArray inverse(OpContext ctx, NDArray z) {
        // the conditioning features are unchanged by forward, so the conditioner can be evaluated on z
        Halves h = conditioner(ctx, z);
        NDArray unshifted = z.sub(h.shift);
        return affine ? unshifted.mul(h.logScale.neg().exp()) : unshifted;
    }

    /** Log-scale and shift, both zero on the conditioning features. */
    private record Halves(NDArray logScale, NDArray shift) {
    }

    private Halves conditioner(OpContext ctx, NDArray x) {
        float[] mask = new float[d];
        for (int i = 0; i < d; i++) {
            mask[i] = (i % 2 == 0) == evenConditions ? 1 : 0;
        }
        NDArray keep = ctx.manager().create(mask);
        NDArray free = keep.neg().add(Scalars.of(keep, 1));
        NDArray a = x.mul(keep);
        for (int i = 0; i < layers; i++) {
            a = Activation.relu(a.matMul(ctx.param("w" + i)).add(ctx.param("b" + i)));
        }
        NDArray out = a.matMul(ctx.param("w" + layers)).add(ctx.param("b" + layers));
        if (!affine) {
            return new Halves(null, out.mul(free));
        }
        NDArray logScale = out.get(new NDIndex(":, :{}", d)).tanh().mul(free);
        NDArray shift = out.get(new NDIndex(":, {}:", d)).mul(free);
        return new Halves(logScale, shift);
    }
}
