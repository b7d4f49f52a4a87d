package dev.tensorloom.execution.session;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import dev.tensorloom.execution.compile.Step;
import dev.tensorloom.execution.exec.ForwardObserver;
import dev.tensorloom.execution.exec.NonFiniteValueException;
import java.util.Map;

/**
 * Stops a pass at the first node, in plan order, whose output holds NaN or an infinity. The cheap test
 * is one sum per output: a sum is finite only if every value is (NaN and infinities propagate); only a
 * non-finite sum, which may also be an overflow, pays for the exact count.
 */
final class NonFiniteGuard implements ForwardObserver {
    @Override
    public void onForward(Step step, NDList outputs, Map<String, NDArray> published) {
        if (step.isSource()) {
            return;
        }
        for (int k = 0; k < outputs.size(); k++) {
            NDArray out = outputs.get(k);
            if (!out.getDataType().isFloating() || out.size() == 0) {
                continue;
            }
            double sum = out.sum().toType(DataType.FLOAT64, false).getDouble();
            if (Double.isFinite(sum)) {
                continue;
            }
            long nans = out.isNaN().toType(DataType.INT64, false).sum().getLong();
            long infs = out.isInfinite().toType(DataType.INT64, false).sum().getLong();
            if (nans + infs > 0) {
                throw new NonFiniteValueException(step.nodeId(), step.type().outputs().get(k).name(), nans, infs);
            }
        }
    }
}
