package dev.tensorloom.execution.op.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.Scalars;
import dev.tensorloom.model.catalog.Params;

/**
 * The {@code cross_entropy} loss: −mean log softmax(pred)[target] over every position whose label is
 * not {@code ignore_index} (−1: none ignored). Logits [*, C], labels int64 [*].
 */
public final class CrossEntropyOp implements BlockOp {
    private final long ignoreIndex;

    public CrossEntropyOp(Params params) {
        this.ignoreIndex = params.getLong("ignore_index");
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray logits = inputs.get(0);
        long classes = logits.getShape().get(logits.getShape().dimension() - 1);
        NDArray logProbs = logits.logSoftmax(-1).reshape(-1, classes);
        NDArray labels = inputs.get(1).toType(DataType.INT64, false).reshape(-1, 1);
        if (ignoreIndex < 0) {
            return new NDList(logProbs.gather(labels, 1).mean().neg());
        }
        NDArray keep = labels.neq(ignoreIndex);
        // ignored labels may lie outside [0, C); point them at class 0 and weight them by zero
        NDArray safeLabels = labels.mul(keep.toType(DataType.INT64, false));
        NDArray kept = keep.toType(DataType.FLOAT32, false);
        NDArray total = logProbs.gather(safeLabels, 1).mul(kept).sum().neg();
        return new NDList(total.div(kept.sum().maximum(Scalars.of(kept, 1f))));
    }
}
