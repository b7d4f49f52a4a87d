package dev.tensorloom.execution.op.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.tensorloom.execution.op.BlockOp;
import dev.tensorloom.execution.op.OpContext;
import dev.tensorloom.execution.op.Scalars;
import java.util.function.BinaryOperator;

/** Mean of {@code 1 − overlap(pred, target)} over all boxes of {@code [*, 4]} inputs (GIoU, DIoU or CIoU loss). */
public final class BoxLossOp implements BlockOp {
    private final BinaryOperator<NDArray> overlap;

    private BoxLossOp(BinaryOperator<NDArray> overlap) {
        this.overlap = overlap;
    }

    public static BoxLossOp giou() {
        return new BoxLossOp(BoxOps::giou);
    }

    public static BoxLossOp diou() {
        return new BoxLossOp(BoxOps::diou);
    }

    public static BoxLossOp ciou() {
        return new BoxLossOp(BoxOps::ciou);
    }

    @Override
    public NDList forward(OpContext ctx, NDList inputs) {
        NDArray pred = inputs.get(0);
        NDArray target = inputs.get(1);
        return new NDList(overlap.apply(pred, target).neg().add(Scalars.of(pred, 1)).mean());
    }
}
