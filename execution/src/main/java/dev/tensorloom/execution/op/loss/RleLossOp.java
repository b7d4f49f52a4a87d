package dev.tensorloom.execution.op.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.ParameterInit;
import dev.tensorloom.execution.op.Scalars;
import dev.tensorloom.model.catalog.Params;

/**
 * The {@code rle_loss} (Residual Log-likelihood Estimation, Li et al. 2021) in the form the authors' code
 * computes it (RegressFlow.forward and RLELoss). Per keypoint k and coordinate d, with r = μ − gt and
 * μ̄ = r/σ: nf_loss[k, d] = log σ_d − log G(μ̄) (G the {@link RealNvp2d} flow over the 2-D μ̄, held inside
 * this block, broadcast over both coordinates as in the reference), logQ[k, d] = log(σ_d/a) +
 * |r_d|/(√2·σ_d + 1e-9) with a = 1/√(2π) (the code's Laplace Q); loss = Σ over batch, keypoints and
 * coordinates of nf_loss + logQ, divided by the batch size. So log σ and log G each enter twice per
 * keypoint, as in the reference; only the relative weights matter to the optimum, and these are the
 * published ones.
 */
public final class RleLossOp implements BlockOp {
    static final int COUPLINGS = 6;
    static final float SIGMA_EPS = 1e-9f;
    static final double LOG_AMP = -0.5 * Math.log(2 * Math.PI);
    private final RealNvp2d flow;

    public RleLossOp(Params params) {
        this.flow = new RealNvp2d(COUPLINGS, params.getInt("hidden"));
    }

    @Override
    public void initialize(ParameterInit init, Shape[] inputShapes) {
        flow.initialize(init);
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray mu = inputs.get(0);
        // σ + 1e-9 throughout, where the reference adds it only to √2·σ: the same for any σ a sigmoid gives
        // in float32, and a σ of exactly 0 (a ReLU wired in) stays finite
        NDArray sigma = inputs.get(1).add(Scalars.of(inputs.get(1), SIGMA_EPS));
        NDArray residual = mu.sub(inputs.get(2));
        long batch = residual.getShape().get(0);
        long keypoints = residual.getShape().get(1);
        NDArray bar = residual.div(sigma);
        NDArray logG = flow.logProb(ctx, bar.reshape(batch * keypoints, 2)).reshape(batch, keypoints, 1);
        NDArray logSigma = sigma.log();
        NDArray nf = logSigma.sub(logG);
        NDArray logQ = logSigma.sub(Scalars.of(sigma, (float) LOG_AMP))
                .add(residual.abs().div(sigma.mul(Scalars.of(sigma, (float) Math.sqrt(2)))));
        return new NDList(nf.add(logQ).sum().div(Scalars.of(sigma, (float) batch)));
    }
}
