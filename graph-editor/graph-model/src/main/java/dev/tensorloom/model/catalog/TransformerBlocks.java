package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.TensorType;
import java.util.List;

/** The Transformer block types of the built-in library: attention, MLP, encoder and decoder layers. */
final class TransformerBlocks {
    private TransformerBlocks() {
    }

    static void register(BlockCatalog catalog) {
        catalog.register(attention());
        catalog.register(feedForward());
        catalog.register(encoderBlock());
        catalog.register(decoderBlock());
        TransformerEmbeddingBlocks.register(catalog);
        GenerativeBlocks.register(catalog);
    }

    static ParamSpec dModel() {
        return ParamSpec.integer("d_model", 64, 1, 1 << 16, "Width of each token vector");
    }

    private static ParamSpec heads() {
        return ParamSpec.integer("heads", 4, 1, 1024, "Number of attention heads; must divide d_model");
    }

    private static ParamSpec causal() {
        return ParamSpec.bool("causal", false, "Each position attends only to itself and earlier positions");
    }

    private static ParamSpec dropout() {
        return ParamSpec.real("dropout", 0.0, 0.0, 0.95, "Probability of zeroing attention weights and MLP units while training");
    }

    private static ParamSpec hidden() {
        return ParamSpec.integer("hidden", 256, 1, 1 << 20, "Width of the MLP's hidden layer");
    }

    private static ParamSpec norm() {
        return ParamSpec.choice("norm", "pre", List.of("pre", "post"),
                "pre: x + f(LayerNorm(x)); post: LayerNorm(x + f(x))");
    }

    private static BlockType attention() {
        return BlockType.builder("attention").title("Multi-head attention").category(BlockCategory.TRANSFORMER)
                .description("Scaled dot-product attention with query/key/value/output projections; "
                        + "connect kv_in for cross-attention")
                .input("q_in").input(PortSpec.optional("kv_in", DType.FLOAT32)).output("out")
                .param(dModel()).param(heads()).param(causal())
                .param(ParamSpec.bool("qk_norm", false, "RMS-normalise per-head queries and keys (learnable scale)"))
                .param(dropout())
                .shape(ctx -> {
                    int d = ctx.params().getInt("d_model");
                    checkHeads(ctx, d, ctx.params().getInt("heads"));
                    ctx.expect("q_in", "[B, T, " + d + "]");
                    if (ctx.input("kv_in").isPresent()) {
                        ctx.expect("kv_in", "[B, S, " + d + "]");
                    }
                    ctx.output("out", ctx.shape(DType.FLOAT32, "[B, T, " + d + "]"));
                })
                .estimator((p, in, out) -> {
                    var t = TransformerCosts.Length.of(in.get("q_in"));
                    var s = in.containsKey("kv_in") ? TransformerCosts.Length.of(in.get("kv_in")) : t;
                    return TransformerCosts.attention(p.getLong("d_model"), p.getLong("heads"), t.value(), s.value(),
                            p.getBool("qk_norm"), p.getDouble("dropout") > 0, t.exact() && s.exact());
                })
                .build();
    }

    private static BlockType feedForward() {
        return BlockType.builder("feedforward").title("Feed-forward MLP").category(BlockCategory.TRANSFORMER)
                .description("Position-wise Linear → activation → Linear applied to the last dimension")
                .input("in").output("out")
                .param(dModel()).param(hidden())
                .param(ParamSpec.choice("activation", "gelu", List.of("relu", "gelu", "silu"), "Non-linearity between the two layers"))
                .param(dropout())
                .shape(ctx -> {
                    String pattern = "[*, " + ctx.params().getInt("d_model") + "]";
                    ctx.expect("in", pattern);
                    ctx.output("out", ctx.shape(DType.FLOAT32, pattern));
                })
                .estimator((p, in, out) -> {
                    TensorType t = in.get("in");
                    long d = p.getLong("d_model");
                    long n = t == null ? 1 : Math.max(1, t.elementsPerExample(1) / d);
                    boolean exact = t != null && t.isConcreteAfterBatch();
                    return TransformerCosts.feedForward(d, p.getLong("hidden"), n, p.getDouble("dropout") > 0, exact);
                })
                .build();
    }

    private static BlockType encoderBlock() {
        return BlockType.builder("encoder_block").title("Transformer encoder layer").category(BlockCategory.TRANSFORMER)
                .description("Self-attention and MLP, each with a residual connection and LayerNorm")
                .input("in").output("out")
                .param(dModel()).param(heads()).param(hidden()).param(norm()).param(causal()).param(dropout())
                .shape(ctx -> {
                    int d = ctx.params().getInt("d_model");
                    checkHeads(ctx, d, ctx.params().getInt("heads"));
                    ctx.expect("in", "[B, T, " + d + "]");
                    ctx.output("out", ctx.shape(DType.FLOAT32, "[B, T, " + d + "]"));
                })
                .estimator((p, in, out) -> {
                    var t = TransformerCosts.Length.of(in.get("in"));
                    long d = p.getLong("d_model");
                    boolean drop = p.getDouble("dropout") > 0;
                    return TransformerCosts.attention(d, p.getLong("heads"), t.value(), t.value(), false, drop, t.exact())
                            .plus(TransformerCosts.feedForward(d, p.getLong("hidden"), t.value(), drop, t.exact()))
                            .plus(TransformerCosts.normAndResidual(d, t.value(), t.exact()))
                            .plus(TransformerCosts.normAndResidual(d, t.value(), t.exact()));
                })
                .build();
    }

    private static BlockType decoderBlock() {
        return BlockType.builder("decoder_block").title("Transformer decoder layer").category(BlockCategory.TRANSFORMER)
                .description("Self-attention (causal by default), cross-attention over memory and MLP, each with "
                        + "residual and LayerNorm")
                .input("in").input("memory").output("out")
                .param(dModel()).param(heads()).param(hidden()).param(norm())
                .param(ParamSpec.bool("causal", true, "Self-attention sees only earlier positions (generating "
                        + "sequences); off when every query may see every other, as DETR's object queries do"))
                .param(dropout())
                .shape(ctx -> {
                    int d = ctx.params().getInt("d_model");
                    checkHeads(ctx, d, ctx.params().getInt("heads"));
                    ctx.expect("in", "[B, T, " + d + "]");
                    ctx.expect("memory", "[B, S, " + d + "]");
                    ctx.output("out", ctx.shape(DType.FLOAT32, "[B, T, " + d + "]"));
                })
                .estimator((p, in, out) -> {
                    var t = TransformerCosts.Length.of(in.get("in"));
                    var s = TransformerCosts.Length.of(in.get("memory"));
                    long d = p.getLong("d_model");
                    long h = p.getLong("heads");
                    boolean drop = p.getDouble("dropout") > 0;
                    boolean exact = t.exact() && s.exact();
                    Estimate norms = TransformerCosts.normAndResidual(d, t.value(), exact);
                    return TransformerCosts.attention(d, h, t.value(), t.value(), false, drop, exact)
                            .plus(TransformerCosts.attention(d, h, t.value(), s.value(), false, drop, exact))
                            .plus(TransformerCosts.feedForward(d, p.getLong("hidden"), t.value(), drop, exact))
                            .plus(norms).plus(norms).plus(norms);
                })
                .build();
    }

    /** Heads split d_model into equal slices, so a remainder is a configuration error on the node. */
    private static void checkHeads(ShapeContext ctx, int dModel, int heads) {
        if (heads <= 0 || dModel % heads != 0) {
            ctx.error("", "d_model " + dModel + " is not divisible by heads " + heads);
        }
    }
}
