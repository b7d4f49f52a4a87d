package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.TensorType;
import java.util.List;
import java.util.Map;

/**
 * The State-space block types of the built-in library: S4D (diagonal structured state space, computed
 * as a long convolution) and Mamba (selective, input-dependent scan). Both map {@code [B, L, D]} to
 * {@code [B, L, D]}.
 */
final class StateSpaceBlocks {
    private StateSpaceBlocks() {
    }

    static void register(BlockCatalog catalog) {
        catalog.register(s4d());
        catalog.register(mamba());
    }

    private static BlockType s4d() {
        return BlockType.builder("s4d").title("S4D").category(BlockCategory.STATE_SPACE)
                .description("Diagonal state-space layer (S4D): per-channel complex diagonal SSM, zero-order-hold "
                        + "discretisation, applied as a causal convolution with its kernel, plus a skip D·u")
                .input("in").output("out")
                .param(ParamSpec.integer("d_model", 64, 1, 8192, "Channels D of the [B, L, D] input (one SSM per channel)"))
                .param(ParamSpec.integer("state", 64, 2, 1024,
                        "State size N (even): N/2 complex modes, each standing for a conjugate pair (hence 2·Re)"))
                .param(ParamSpec.choice("init", "lin", List.of("lin", "legs"),
                        "A initialisation: lin = S4D-Lin (−1/2 + iπn); legs = eigenvalues of HiPPO-LegS' normal part"))
                .param(ParamSpec.real("dt_min", 1e-3, 1e-6, 1.0, "Smallest initial step Δ (log-uniform per channel)"))
                .param(ParamSpec.real("dt_max", 1e-1, 1e-6, 10.0, "Largest initial step Δ (log-uniform per channel)"))
                .shape(ctx -> {
                    if (ctx.params().getLong("state") % 2 != 0) {
                        ctx.error("in", "state must be even (N/2 complex conjugate pairs), got "
                                + ctx.params().getLong("state"));
                    }
                    if (ctx.params().getDouble("dt_min") > ctx.params().getDouble("dt_max")) {
                        ctx.error("in", "dt_min must not exceed dt_max");
                    }
                    sequenceToSequence(ctx);
                })
                .estimator(StateSpaceBlocks::s4dEstimate)
                .build();
    }

    private static BlockType mamba() {
        return BlockType.builder("mamba").title("Mamba").category(BlockCategory.STATE_SPACE)
                .description("Mamba block: in-projection, causal depthwise conv + SiLU, selective scan with "
                        + "input-dependent Δ, B, C, gated by SiLU(z), out-projection")
                .input("in").output("out")
                .param(ParamSpec.integer("d_model", 64, 1, 8192, "Channels D of the [B, L, D] input and output"))
                .param(ParamSpec.integer("state", 16, 1, 256, "State size N per inner channel"))
                .param(ParamSpec.integer("expand", 2, 1, 8, "Inner width = expand · d_model"))
                .param(ParamSpec.integer("conv", 4, 1, 16, "Kernel size of the causal depthwise convolution"))
                .param(ParamSpec.integer("dt_rank", 0, 0, 1024, "Rank of the Δ projection; 0 = ceil(d_model / 16)"))
                .shape(StateSpaceBlocks::sequenceToSequence)
                .estimator(StateSpaceBlocks::mambaEstimate)
                .build();
    }

    private static void sequenceToSequence(ShapeContext ctx) {
        long d = ctx.params().getLong("d_model");
        if (ctx.expect("in", "[B, L, " + d + "]")) {
            ctx.output("out", ctx.shape(DType.FLOAT32, "[B, L, " + d + "]"));
        }
    }

    private static Estimate s4dEstimate(Params p, Map<String, TensorType> in, Map<String, TensorType> out) {
        long d = p.getLong("d_model");
        long modes = p.getLong("state") / 2;
        long params = d + 4 * d * modes + d; // log_dt, A (re, im), C (re, im), D
        TensorType t = out.get("out");
        long len = t == null ? 1 : t.dim(1).sizeOr(1);
        // kernel: ~8 flops per (channel, mode, lag); direct causal convolution: 2·L per output element
        double flops = 8.0 * d * modes * len + 2.0 * d * len * len;
        long act = t == null ? 0 : t.elementsPerExample(1) * 4 * 3;
        return new Estimate(params, flops, act, t != null && t.isConcreteAfterBatch());
    }

    private static Estimate mambaEstimate(Params p, Map<String, TensorType> in, Map<String, TensorType> out) {
        long d = p.getLong("d_model");
        long n = p.getLong("state");
        long di = p.getLong("expand") * d;
        long r = p.getLong("dt_rank") == 0 ? (d + 15) / 16 : p.getLong("dt_rank");
        long k = p.getLong("conv");
        long params = d * 2 * di + di * k + di + di * (r + 2 * n) + r * di + di + di * n + di + di * d;
        TensorType t = out.get("out");
        long len = t == null ? 1 : t.dim(1).sizeOr(1);
        double perToken = 2.0 * (d * 2 * di + di * (r + 2 * n) + r * di + di * d) + 2.0 * di * k + 6.0 * di * n;
        // activations: projections, conv output, and the per-step scan state [L, Di, N]
        long act = 4 * len * (2 * di + di + (r + 2 * n) + 2 * di + 2 * di * n + d);
        return new Estimate(params, perToken * len, act, t != null && t.isConcreteAfterBatch());
    }
}
