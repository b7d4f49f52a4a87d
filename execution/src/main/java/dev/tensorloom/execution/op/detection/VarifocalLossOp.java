package dev.tensorloom.execution.op.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.Scalars;

/**
 * Varifocal loss (VarifocalNet): binary cross-entropy with logits against an IoU-aware target q,
 * weighted by q where q > 0 and by α·|σ(p) − q|^γ where q = 0. Reduced by the mean over all elements
 * (the paper divides the sum by the number of positives; the mean keeps the scale independent of
 * how many positives a batch has and is what a graph loss port expects).
 */
public final class VarifocalLossOp implements BlockOp {
    private final double alpha;
    private final double gamma;

    public VarifocalLossOp(double alpha, double gamma) {
        this.alpha = alpha;
        this.gamma = gamma;
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        return new NDList(elementwise(inputs.get(0), inputs.get(1)).mean());
    }

    /** Per-element weighted loss, same shape as the logits. */
    public NDArray elementwise(NDArray logits, NDArray q) {
        // stable BCE with logits: max(p, 0) − p·q + log(1 + exp(−|p|))
        NDArray bce = logits.maximum(Scalars.of(logits, 0)).sub(logits.mul(q)).add(logits.abs().neg().exp().add(Scalars.of(logits, 1)).log());
        NDArray positive = q.gt(0).toType(logits.getDataType(), false);
        NDArray negativeWeight = Activation.sigmoid(logits).sub(q).abs().pow(Scalars.of(logits, gamma)).mul(Scalars.of(logits, alpha));
        NDArray weight = q.mul(positive).add(negativeWeight.mul(positive.neg().add(Scalars.of(positive, 1))));
        return bce.mul(weight);
    }
}
