package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.Dim;
import dev.tensorloom.model.shape.TensorType;
import java.util.List;

/**
 * Diffusion-transformer block types: the rectified-flow training pair, the timestep embedding, the
 * adaLN-Zero DiT layer, its final layer and the patch-to-image inverse of {@code patch_embed}.
 */
final class GenerativeBlocks {

    private GenerativeBlocks() {
    }

    static void register(BlockCatalog catalog) {
        catalog.register(rectifiedFlowPair());
        catalog.register(timestepEmbed());
        catalog.register(ditBlock());
        catalog.register(ditFinal());
        catalog.register(unpatchify());
    }

    private static BlockType rectifiedFlowPair() {
        return BlockType.builder("rectified_flow_pair").title("Rectified-flow pair").category(BlockCategory.TRANSFORMER)
                .description("Draws t (logit-normal: t = sigmoid(n), n ~ N(mean, std²)) and noise ε ~ N(0, I) from the "
                        + "engine RNG, outputs x_t = (1 − t)·x0 + t·ε, t [B] and the velocity target ε − x0")
                .input("in").output("x_t").output("t").output("velocity")
                .param(ParamSpec.choice("t_sampling", "logit_normal", List.of("logit_normal", "uniform"),
                        "How t is drawn: sigmoid of a normal (SD3), or uniform on [0, 1)"))
                .param(ParamSpec.real("mean", 0.0, -10, 10, "Mean of the normal behind logit-normal t"))
                .param(ParamSpec.real("std", 1.0, 0.01, 10, "Std of the normal behind logit-normal t"))
                .shape(ctx -> {
                    if (ctx.expect("in", "[B, *]")) {
                        TensorType x = ctx.input("in").orElseThrow();
                        ctx.output("x_t", x);
                        ctx.output("velocity", x);
                    }
                    ctx.output("t", ctx.shape(DType.FLOAT32, "[B]"));
                })
                .estimator((p, in, out) -> {
                    TensorType x = in.get("in");
                    long n = x == null ? 1 : x.elementsPerExample(1);
                    return new Estimate(0, 5.0 * n, 2 * n * TransformerCosts.FLOAT_BYTES,
                            x != null && x.isConcreteAfterBatch());
                })
                .build();
    }

    private static BlockType timestepEmbed() {
        return BlockType.builder("timestep_embed").title("Timestep embedding").category(BlockCategory.TRANSFORMER)
                .description("Sinusoidal features of t·scale (cos half, sin half, periods up to 10000) through "
                        + "Linear → SiLU → Linear to a d_model vector (DiT)")
                .input("t").output("out")
                .param(TransformerBlocks.dModel())
                .param(ParamSpec.integer("freq_dim", 256, 2, 1 << 14, "Sinusoidal features before the MLP (even)"))
                .param(ParamSpec.real("scale", 1000.0, 1e-3, 1e6, "Multiplies t first: 1000 maps t ∈ [0, 1] to DiT's step range"))
                .shape(ctx -> {
                    if (ctx.params().getLong("freq_dim") % 2 != 0) {
                        ctx.error("", "freq_dim must be even");
                    }
                    ctx.expect("t", "[B]");
                    ctx.output("out", ctx.shape(DType.FLOAT32, "[B, " + ctx.params().getInt("d_model") + "]"));
                })
                .estimator((p, in, out) -> {
                    long d = p.getLong("d_model");
                    long f = p.getLong("freq_dim");
                    long params = f * d + d + d * d + d;
                    return new Estimate(params, 2.0 * params + 4 * f, (f + 3 * d) * TransformerCosts.FLOAT_BYTES, true);
                })
                .build();
    }

    private static BlockType ditBlock() {
        return modulated("dit_block", "DiT block (adaLN-Zero)")
                .description("Shift, scale and gate for attention and MLP from Linear(SiLU(cond)) (zero-initialised): "
                        + "x + g1·Attn(LN(x)·(1 + s1) + b1), then x + g2·MLP(LN(x)·(1 + s2) + b2)")
                .param(ParamSpec.integer("heads", 4, 1, 1024, "Number of attention heads; must divide d_model"))
                .param(ParamSpec.integer("hidden", 256, 1, 1 << 20, "Width of the MLP's hidden layer (GELU)"))
                .param(ParamSpec.bool("qk_norm", true, "RMS-normalise per-head queries and keys (learnable scale)"))
                .shape(ctx -> {
                    int d = ctx.params().getInt("d_model");
                    int h = ctx.params().getInt("heads");
                    if (h <= 0 || d % h != 0) {
                        ctx.error("", "d_model " + d + " is not divisible by heads " + h);
                    }
                    expectModulated(ctx, d);
                    ctx.output("out", ctx.shape(DType.FLOAT32, "[B, T, " + d + "]"));
                })
                .estimator((p, in, out) -> {
                    var t = TransformerCosts.Length.of(in.get("in"));
                    long d = p.getLong("d_model");
                    Estimate modulation = new Estimate(6 * d * d + 6 * d, 12.0 * d * d, 7 * d * TransformerCosts.FLOAT_BYTES, true);
                    Estimate norms = new Estimate(0, 8.0 * t.value() * d, 4 * t.value() * d * TransformerCosts.FLOAT_BYTES, t.exact());
                    return TransformerCosts.attention(d, p.getLong("heads"), t.value(), t.value(), p.getBool("qk_norm"), false, t.exact())
                            .plus(TransformerCosts.feedForward(d, p.getLong("hidden"), t.value(), false, t.exact()))
                            .plus(modulation).plus(norms);
                })
                .build();
    }

    private static BlockType ditFinal() {
        return modulated("dit_final", "DiT final layer")
                .description("LN(x)·(1 + scale) + shift with shift, scale from Linear(SiLU(cond)), then a zero-initialised "
                        + "Linear to patch²·channels values per token")
                .param(ParamSpec.integer("patch", 2, 1, 1024, "Patch side of the matching patch_embed"))
                .param(ParamSpec.integer("channels", 1, 1, 1 << 12, "Image channels"))
                .shape(ctx -> {
                    int d = ctx.params().getInt("d_model");
                    long width = outWidth(ctx.params());
                    expectModulated(ctx, d);
                    ctx.output("out", ctx.shape(DType.FLOAT32, "[B, T, " + width + "]"));
                })
                .estimator((p, in, out) -> {
                    var t = TransformerCosts.Length.of(in.get("in"));
                    long d = p.getLong("d_model");
                    long w = outWidth(p);
                    long params = 2 * d * d + 2 * d + d * w + w;
                    return new Estimate(params, 2.0 * (2 * d * d + t.value() * d * w) + 8.0 * t.value() * d,
                            (3 * t.value() * d + t.value() * w) * TransformerCosts.FLOAT_BYTES, t.exact());
                })
                .build();
    }

    /** A DiT layer: tokens [B, T, d_model] on {@code in}, modulated by a condition [B, d_model] on {@code cond}. */
    private static BlockType.Builder modulated(String id, String title) {
        return BlockType.builder(id).title(title).category(BlockCategory.TRANSFORMER)
                .input("in").input("cond").output("out")
                .param(TransformerBlocks.dModel());
    }

    /** Checks a {@link #modulated} layer's inputs for width {@code d}; each is reported on its own port. */
    private static void expectModulated(ShapeContext ctx, int d) {
        ctx.expect("in", "[B, T, " + d + "]");
        ctx.expect("cond", "[B, " + d + "]");
    }

    private static long outWidth(Params p) {
        return p.getLong("patch") * p.getLong("patch") * p.getLong("channels");
    }

    private static BlockType unpatchify() {
        return BlockType.builder("unpatchify").title("Unpatchify").category(BlockCategory.TRANSFORMER)
                .description("Tokens [B, grid_h·grid_w, patch²·C] back to an image [B, C, grid_h·patch, grid_w·patch] "
                        + "(the inverse of patch_embed's cutting, row-major tokens, channel-major patch values)")
                .input("in").output("out")
                .param(ParamSpec.integer("patch", 2, 1, 1024, "Side of each square patch"))
                .param(ParamSpec.integer("channels", 1, 1, 1 << 12, "Image channels C"))
                .param(ParamSpec.integer("grid_h", 8, 1, 1 << 14, "Rows of the token grid"))
                .param(ParamSpec.integer("grid_w", 8, 1, 1 << 14, "Columns of the token grid"))
                .shape(ctx -> {
                    Params p = ctx.params();
                    long tokens = p.getLong("grid_h") * p.getLong("grid_w");
                    ctx.expect("in", "[B, " + tokens + ", " + outWidth(p) + "]");
                    ctx.output("out", TensorType.f32(ctx.dim("B"), Dim.of(p.getLong("channels")),
                            Dim.of(p.getLong("grid_h") * p.getLong("patch")), Dim.of(p.getLong("grid_w") * p.getLong("patch"))));
                })
                .estimator(Estimator.ELEMENTWISE)
                .build();
    }
}
