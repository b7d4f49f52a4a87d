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
 * The {@code rle_loss} (Residual Log-likelihood Estimation, Li et al. 2021). Per keypoint, with
 * μ̄ = (μ − gt)/σ: −log P = Σ_d log σ_d − log G(μ̄) − Σ_d log Q(μ̄_d), where G is the {@link RealNvp2d}
 * flow held inside this block (so one node carries the whole objective and its flow parameters) and Q
 * the Laplace(0, 1) density, −log Q(u) = log 2 + |u|. This is the paper's residual form, the flow
 * learning the ratio to Q; the brief's "+ log Q" is the RLE code's {@code logQ}, which returns −log Q.
 * Averaged over batch and keypoints. σ gets 1e-9 added, as in the RLE code.
 */
public final class RleLossOp implements BlockOp {
    static final int COUPLINGS = 6;
    static final float SIGMA_EPS = 1e-9f;
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
        NDArray sigma = inputs.get(1).add(Scalars.of(inputs.get(1), SIGMA_EPS));
        NDArray residual = mu.sub(inputs.get(2)).div(sigma);
        long points = residual.getShape().get(0) * residual.getShape().get(1);
        NDArray logG = flow.logProb(ctx, residual.reshape(points, 2));
        NDArray logSigma = sigma.log().sum(new int[] {2}).reshape(points);
        NDArray negLogQ = residual.abs().add(Scalars.of(residual, (float) Math.log(2))).sum(new int[] {2}).reshape(points);
        return new NDList(logSigma.sub(logG).add(negLogQ).mean());
    }
}
