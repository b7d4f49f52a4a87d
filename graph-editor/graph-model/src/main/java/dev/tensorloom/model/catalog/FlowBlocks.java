package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.TensorType;
import java.util.List;
import java.util.Map;

/**
 * The normalizing-flow block types of the built-in library. Each maps {@code in [B, D]} to
 * {@code z [B, D]} and the log-determinant of its Jacobian {@code logdet [B]}, and has an exact inverse
 * used for sampling.
 */
final class FlowBlocks {
    private FlowBlocks() {
    }

    static void register(BlockCatalog catalog) {
        catalog.register(coupling("additive_coupling", "Additive coupling (NICE)",
                "NICE coupling: z_b = x_b + m(x_a), the other half passes through; log-determinant 0"));
        catalog.register(coupling("affine_coupling", "Affine coupling (RealNVP)",
                "RealNVP coupling: s = tanh(net_s(x_a)), z_b = x_b·exp(s) + t(x_a); log-determinant Σ s"));
        catalog.register(simple("actnorm", "ActNorm",
                "Per-feature scale and bias: z = x·scale + bias; log-determinant Σ log|scale|", FlowBlocks::twoPerFeature));
        catalog.register(simple("reverse_perm", "Reverse permutation",
                "Reverses the feature order so the next coupling conditions on the other half; log-determinant 0",
                (p, i, o) -> new Estimate(0, 0, bytes(o), exact(o))));
        catalog.register(simple("diag_scale", "Diagonal scale",
                "Learnable log-scale per feature: z = x·exp(s); log-determinant Σ s", FlowBlocks::onePerFeature));
    }

    private static BlockType coupling(String id, String title, String description) {
        BlockType.Builder b = flowPorts(BlockType.builder(id).title(title).description(description))
                .param(ParamSpec.integer("d", 2, 2, 65536, "Features D of the [B, D] input"))
                .param(ParamSpec.integer("hidden", 64, 1, 65536, "Width of the conditioner MLP's hidden layers"))
                .param(ParamSpec.integer("layers", 2, 1, 16, "Hidden layers of the conditioner MLP (ReLU)"))
                .param(ParamSpec.choice("mask", "even", List.of("even", "odd"),
                        "Which features condition: even = indices 0, 2, 4, … pass through and drive the rest"));
        boolean affine = id.startsWith("affine");
        return b.shape(FlowBlocks::dFromParam).estimator((p, in, out) -> {
            long d = p.getLong("d");
            long h = p.getLong("hidden");
            long layers = p.getLong("layers");
            long outWidth = affine ? 2 * d : d;
            long params = (d * h + h) + (layers - 1) * (h * h + h) + (h * outWidth + outWidth);
            return new Estimate(params, 2.0 * params, bytes(out) + 4 * (layers * h + outWidth), exact(out));
        }).build();
    }

    private static BlockType simple(String id, String title, String description, Estimator estimator) {
        return flowPorts(BlockType.builder(id).title(title).description(description))
                .shape(FlowBlocks::anyWidth).estimator(estimator).build();
    }

    private static BlockType.Builder flowPorts(BlockType.Builder b) {
        return b.category(BlockCategory.FLOW).input("in").output("z").output("logdet");
    }

    private static void dFromParam(ShapeContext ctx) {
        long d = ctx.params().getLong("d");
        if (ctx.expect("in", "[B, " + d + "]")) {
            ctx.output("z", ctx.shape(DType.FLOAT32, "[B, " + d + "]"));
            ctx.output("logdet", ctx.shape(DType.FLOAT32, "[B]"));
        }
    }

    private static void anyWidth(ShapeContext ctx) {
        if (ctx.expect("in", "[B, D]")) {
            ctx.output("z", ctx.shape(DType.FLOAT32, "[B, D]"));
            ctx.output("logdet", ctx.shape(DType.FLOAT32, "[B]"));
        }
    }

    private static Estimate twoPerFeature(Params p, Map<String, TensorType> in, Map<String, TensorType> out) {
        return new Estimate(2 * width(out), 2.0 * width(out), bytes(out), exact(out));
    }

    private static Estimate onePerFeature(Params p, Map<String, TensorType> in, Map<String, TensorType> out) {
        return new Estimate(width(out), 2.0 * width(out), bytes(out), exact(out));
    }

    private static long width(Map<String, TensorType> out) {
        TensorType z = out.get("z");
        return z == null ? 0 : z.last().sizeOr(1);
    }

    private static long bytes(Map<String, TensorType> out) {
        return out.values().stream().mapToLong(t -> t.elementsPerExample(1) * t.dtype().bytes()).sum();
    }

    private static boolean exact(Map<String, TensorType> out) {
        return !out.isEmpty() && out.values().stream().allMatch(TensorType::isConcreteAfterBatch);
    }
}
