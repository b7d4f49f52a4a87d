package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.Dim;
import dev.tensorloom.model.shape.TensorType;
import java.util.List;

/** Transformer block types that turn inputs into positioned tokens: position encodings and patch embedding. */
final class TransformerEmbeddingBlocks {
    private static final String TOKENS = "[B, T, D]";

    private TransformerEmbeddingBlocks() {
    }

    static void register(BlockCatalog catalog) {
        catalog.register(sinusoidal());
        catalog.register(learned());
        catalog.register(sinCos2d());
        catalog.register(patchEmbed());
    }

    private static BlockType sinusoidal() {
        return BlockType.builder("sinusoidal_pos").title("Sinusoidal positions").category(BlockCategory.TRANSFORMER)
                .description("Adds PE[p, 2i] = sin(p / 10000^(2i/D)), PE[p, 2i+1] = cos(p / 10000^(2i/D))")
                .input("in").output("out")
                .param(ParamSpec.bool("scale_input", false, "Multiply the input by √D before adding positions"))
                .shape(ctx -> {
                    ctx.expect("in", TOKENS);
                    ctx.output("out", ctx.shape(DType.FLOAT32, TOKENS));
                })
                .build();
    }

    private static BlockType learned() {
        return BlockType.builder("learned_pos").title("Learned positions").category(BlockCategory.TRANSFORMER)
                .description("Adds the first T rows of a trainable [max_len, D] position table")
                .input("in").output("out")
                .param(ParamSpec.integer("max_len", 512, 1, 1 << 20, "Longest sequence the position table covers"))
                .shape(ctx -> {
                    ctx.expect("in", TOKENS);
                    long maxLen = ctx.params().getLong("max_len");
                    if (ctx.dim("T") instanceof Dim.Fixed t && t.size() > maxLen) {
                        ctx.error("in", "sequence length " + t.size() + " exceeds max_len " + maxLen);
                    }
                    ctx.output("out", ctx.shape(DType.FLOAT32, TOKENS));
                })
                .estimator((p, in, out) -> {
                    Estimate add = Estimator.ELEMENTWISE.estimate(p, in, out);
                    TensorType t = in.get("in");
                    long d = t == null ? 1 : t.last().sizeOr(1);
                    boolean exact = add.exact() && t != null && t.last().isFixed();
                    return new Estimate(p.getLong("max_len") * d, add.flopsPerExample(), add.activationBytesPerExample(), exact);
                })
                .build();
    }

    private static BlockType sinCos2d() {
        return BlockType.builder("sincos2d_pos").title("2-D sin-cos positions").category(BlockCategory.TRANSFORMER)
                .description("Adds fixed positions for tokens on a grid_h × grid_w grid: half the channels encode the row, half the column")
                .input("in").output("out")
                .param(ParamSpec.integer("grid_h", 8, 1, 1 << 14, "Rows of the token grid"))
                .param(ParamSpec.integer("grid_w", 8, 1, 1 << 14, "Columns of the token grid"))
                .shape(ctx -> {
                    long n = ctx.params().getLong("grid_h") * ctx.params().getLong("grid_w");
                    String pattern = "[B, " + n + ", D]";
                    ctx.expect("in", pattern);
                    if (ctx.dim("D") instanceof Dim.Fixed d && d.size() % 4 != 0) {
                        ctx.error("in", "width " + d.size() + " must be divisible by 4 (sin and cos for rows and for columns)");
                    }
                    ctx.output("out", ctx.shape(DType.FLOAT32, pattern));
                })
                .build();
    }

    private static BlockType patchEmbed() {
        return BlockType.builder("patch_embed").title("Patch embedding").category(BlockCategory.TRANSFORMER)
                .description("Cuts an image into patch × patch squares and projects each to a d_model token (ViT)")
                .input("in").output("out")
                .param(ParamSpec.integer("patch", 2, 1, 1024, "Side of each square patch; must divide H and W"))
                .param(TransformerBlocks.dModel())
                .param(ParamSpec.integer("in_channels", 0, 0, 1 << 16, "Image channels; 0 takes them from the input"))
                .shape(ctx -> {
                    long p = ctx.params().getLong("patch");
                    long c = ctx.params().getLong("in_channels");
                    int d = ctx.params().getInt("d_model");
                    ctx.expect("in", "[B, " + (c > 0 ? Long.toString(c) : "C") + ", H, W]");
                    for (String side : List.of("H", "W")) {
                        if (ctx.dim(side) instanceof Dim.Fixed f && f.size() % p != 0) {
                            ctx.error("in", side + " = " + f.size() + " is not divisible by patch " + p);
                        }
                    }
                    Dim tokens = ctx.dim("H").div(p).times(ctx.dim("W").div(p));
                    ctx.output("out", TensorType.f32(ctx.dim("B"), tokens, Dim.of(d)));
                })
                .estimator((p, in, out) -> {
                    TensorType img = in.get("in");
                    TensorType tokens = out.get("out");
                    long patch = p.getLong("patch");
                    long d = p.getLong("d_model");
                    long c = p.getLong("in_channels") > 0 ? p.getLong("in_channels")
                            : img == null ? 1 : img.dim(1).sizeOr(1);
                    long n = tokens == null ? 1 : tokens.dim(1).sizeOr(1);
                    boolean exact = img != null && img.isConcreteAfterBatch();
                    long params = c * patch * patch * d + d;
                    // the convolution's output and its flattened, transposed copy
                    long bytes = 2 * n * d * TransformerCosts.FLOAT_BYTES;
                    return new Estimate(params, 2.0 * n * d * c * patch * patch, bytes, exact);
                })
                .build();
    }
}
