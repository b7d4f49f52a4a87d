package dev.tensorloom.model.catalog;

import dev.tensorloom.model.shape.DType;
import dev.tensorloom.model.shape.Dim;
import dev.tensorloom.model.shape.TensorType;
import java.util.Map;

/** Core blocks over images [B, C, H, W]: {@code conv2d} and the pooling blocks. */
final class CoreSpatialBlocks {
    private static final long MAX_WINDOW = 64;

    private CoreSpatialBlocks() {
    }

    static void register(BlockCatalog catalog) {
        catalog.register(BlockType.builder("conv2d")
                .title("Conv 2D")
                .category(BlockCategory.CORE)
                .description("2-D convolution over [B, C, H, W] images.")
                .input("in")
                .output("out")
                .param(ParamSpec.integer("in_channels", 0, 0, CoreLayerBlocks.MAX_FEATURES, "Input channels; 0 takes them from the input."))
                .param(ParamSpec.integer("out_channels", 32, 1, CoreLayerBlocks.MAX_FEATURES, "Output channels (filters)."))
                .param(ParamSpec.integer("kernel", 3, 1, MAX_WINDOW, "Side of the square kernel."))
                .param(ParamSpec.integer("stride", 1, 1, MAX_WINDOW, "Step between kernel positions."))
                .param(ParamSpec.integer("padding", 1, 0, MAX_WINDOW, "Zeros added on each border."))
                .param(ParamSpec.bool("bias", true, "Adds a learned bias per output channel."))
                .shape(CoreSpatialBlocks::inferConv)
                .estimator(CoreSpatialBlocks::estimateConv)
                .build());
        registerPool(catalog, "maxpool2d", "Max pool 2D", "Keeps the largest value in each window of [B, C, H, W].");
        registerPool(catalog, "avgpool2d", "Average pool 2D", "Averages each window of [B, C, H, W] (padding counts as zeros).");
        catalog.register(BlockType.builder("adaptive_avgpool2d")
                .title("Adaptive average pool 2D")
                .category(BlockCategory.CORE)
                .description("Averages [B, C, H, W] down to a fixed [B, C, s, s] grid.")
                .input("in")
                .output("out")
                .param(ParamSpec.integer("output_size", 1, 1, 1024, "Side s of the output grid; 1 is global average pooling."))
                .shape(ctx -> {
                    if (ctx.expect("in", "[B, C, H, W]")) {
                        long s = ctx.params().getLong("output_size");
                        ctx.output("out", ctx.shape(DType.FLOAT32, "[B, C, " + s + ", " + s + "]"));
                    }
                })
                .estimator((params, inputs, outputs) -> new Estimate(0,
                        inputs.containsKey("in") ? inputs.get("in").elementsPerExample(1) : 0,
                        CoreEstimates.outputBytes(outputs), CoreEstimates.exact(inputs, "in", outputs)))
                .build());
    }

    private static void registerPool(BlockCatalog catalog, String id, String title, String description) {
        catalog.register(BlockType.builder(id)
                .title(title)
                .category(BlockCategory.CORE)
                .description(description)
                .input("in")
                .output("out")
                .param(ParamSpec.integer("kernel", 2, 1, MAX_WINDOW, "Side of the square window."))
                .param(ParamSpec.integer("stride", 2, 1, MAX_WINDOW, "Step between windows."))
                .param(ParamSpec.integer("padding", 0, 0, MAX_WINDOW / 2, "Border added on each side; at most half the kernel."))
                .shape(CoreSpatialBlocks::inferPool)
                .estimator((params, inputs, outputs) -> {
                    long k = params.getLong("kernel");
                    return new Estimate(0, (double) k * k * CoreEstimates.outputElements(outputs),
                            CoreEstimates.outputBytes(outputs), CoreEstimates.exact(inputs, "in", outputs));
                })
                .build());
    }

    private static void inferConv(ShapeContext ctx) {
        Params p = ctx.params();
        long cin = p.getLong("in_channels");
        if (!ctx.expect("in", "[B, " + (cin > 0 ? Long.toString(cin) : "C") + ", H, W]")) {
            return;
        }
        window(ctx, Dim.of(p.getLong("out_channels")), p.getLong("kernel"), p.getLong("stride"), p.getLong("padding"));
    }

    private static void inferPool(ShapeContext ctx) {
        Params p = ctx.params();
        long k = p.getLong("kernel");
        long pad = p.getLong("padding");
        if (2 * pad > k) {
            ctx.error("in", "padding " + pad + " is more than half the kernel " + k);
            return;
        }
        if (ctx.expect("in", "[B, C, H, W]")) {
            window(ctx, ctx.dim("C"), k, p.getLong("stride"), pad);
        }
    }

    /** Declares [B, channels, H', W'] for a sliding window, or an error when the image is smaller than the window. */
    private static void window(ShapeContext ctx, Dim channels, long k, long s, long pad) {
        Dim h = CoreShapeMath.window(ctx.dim("H"), k, s, pad);
        Dim w = CoreShapeMath.window(ctx.dim("W"), k, s, pad);
        if (h.sizeOr(1) < 1 || w.sizeOr(1) < 1) {
            ctx.error("in", "image " + ctx.dim("H") + "x" + ctx.dim("W") + " with padding " + pad
                    + " is smaller than the " + k + "x" + k + " window");
            return;
        }
        ctx.output("out", TensorType.f32(ctx.dim("B"), channels, h, w));
    }

    private static Estimate estimateConv(Params params, Map<String, TensorType> inputs, Map<String, TensorType> outputs) {
        long set = params.getLong("in_channels");
        long cin = set > 0 ? set : CoreEstimates.inputDim(inputs, "in", 1, 1);
        long cout = params.getLong("out_channels");
        long k = params.getLong("kernel");
        long weights = cout * cin * k * k + (params.getBool("bias") ? cout : 0);
        return new Estimate(weights, 2.0 * cin * k * k * CoreEstimates.outputElements(outputs),
                CoreEstimates.outputBytes(outputs), CoreEstimates.exact(inputs, "in", outputs));
    }
}
