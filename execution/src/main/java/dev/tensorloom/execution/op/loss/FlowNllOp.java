package dev.tensorloom.execution.op.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.Scalars;

/**
 * The {@code flow_nll} loss: per example −log N(z; 0, I) − logdet = 0.5·Σz² + (D/2)·log 2π − logdet,
 * averaged over the batch. Inputs z [B, D] and logdet [B].
 */
public final class FlowNllOp implements BlockOp {
    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray z = inputs.get(0);
        long d = z.getShape().size() / z.getShape().get(0);
        NDArray perExample = z.square().reshape(z.getShape().get(0), d).sum(new int[] {1}).mul(Scalars.of(z, 0.5))
                .add(Scalars.of(z, 0.5 * d * LOG_TWO_PI)).sub(inputs.get(1));
        return new NDList(perExample.mean());
    }
}
