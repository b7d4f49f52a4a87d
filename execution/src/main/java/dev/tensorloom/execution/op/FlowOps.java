package dev.tensorloom.execution.op;

import dev.tensorloom.execution.op.flow.ActNormOp;
import dev.tensorloom.execution.op.flow.CouplingOp;
import dev.tensorloom.execution.op.flow.DiagScaleOp;
import dev.tensorloom.execution.op.flow.ReversePermOp;

/** DJL implementations of the Flow block types; each is an {@link dev.tensorloom.execution.op.flow.InvertibleOp}. */
final class FlowOps {
    private FlowOps() {
    }

    static void register(OpRegistry registry) {
        registry.register("additive_coupling", p -> coupling(false, p));
        registry.register("affine_coupling", p -> coupling(true, p));
        registry.register("actnorm", p -> new ActNormOp());
        registry.register("reverse_perm", p -> new ReversePermOp());
        registry.register("diag_scale", p -> new DiagScaleOp());
    }

    private static CouplingOp coupling(boolean affine, dev.tensorloom.model.catalog.Params p) {
        return CouplingOp.of(affine, p.getInt("d"), p.getInt("hidden"), p.getInt("layers"), p.getString("mask"));
    }
}
