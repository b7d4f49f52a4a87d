package dev.tensorloom.execution.op;

import dev.tensorloom.execution.op.loss.CrossEntropyOp;
import dev.tensorloom.execution.op.loss.FlowNllOp;
import dev.tensorloom.execution.op.loss.MeanSquaredErrorOp;

/** DJL implementations of the Loss block types. */
final class LossOps {
    private LossOps() {
    }

    static void register(OpRegistry registry) {
        registry.register("cross_entropy", CrossEntropyOp::new);
        registry.register("mse", params -> new MeanSquaredErrorOp());
        registry.register("rf_velocity_mse", params -> new MeanSquaredErrorOp());
        registry.register("flow_nll", params -> new FlowNllOp());
        dev.tensorloom.execution.op.loss.RegressionMetricLossOps.register(registry);
    }
}
