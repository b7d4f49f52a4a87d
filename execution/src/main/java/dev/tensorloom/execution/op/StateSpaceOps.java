package dev.tensorloom.execution.op;

import dev.tensorloom.execution.op.ssm.MambaOp;
import dev.tensorloom.execution.op.ssm.S4dOp;

/** DJL implementations of the State-space block types. */
final class StateSpaceOps {
    private StateSpaceOps() {
    }

    static void register(OpRegistry registry) {
        registry.register("s4d", p -> S4dOp.of(p.getInt("d_model"), p.getInt("state"), p.getString("init"),
                p.getDouble("dt_min"), p.getDouble("dt_max")));
        registry.register("mamba", p -> MambaOp.of(p.getInt("d_model"), p.getInt("state"), p.getInt("expand"),
                p.getInt("conv"), p.getInt("dt_rank")));
    }
}
